package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

/** Sends ref updates to the remote, atomically when there are several and the remote is configured for it; timed as kiln.version.git.push. */
final class RemotePush {

    private final VersionConfig config;
    private final ScriptsClone clone;
    private final GitAccess access;
    private final RemoteStatus status;
    private final Timer pushTimer;

    RemotePush(VersionConfig config, ScriptsClone clone, GitAccess access, RemoteStatus status, MeterRegistry meters) {
        this.config = config;
        this.clone = clone;
        this.access = access;
        this.status = status;
        this.pushTimer = Timer.builder("kiln.version.git.push").description("Pushes to the scripts repository").register(meters);
    }

    /**
     * Each update carries its own status afterwards; a transport failure means the push may have happened.
     *
     * @throws IOException when the remote's protocol is not supported, before anything was sent
     */
    PushResult send(List<RemoteRefUpdate> updates) throws IOException {
        Timer.Sample sample = Timer.start();
        try (Transport transport = Transport.open(clone.repo(), LocalClone.REMOTE)) {
            access.configure(transport);
            transport.setPushAtomic(config.git().atomicPush() && updates.size() > 1);
            PushResult result = transport.push(NullProgressMonitor.INSTANCE, updates);
            status.pushed();
            return result;
        } catch (TransportException | URISyntaxException | RuntimeException e) {
            throw status.unavailable("cannot push to " + config.scriptsRepoUrl(), e, true);
        } finally {
            sample.stop(pushTimer);
        }
    }
}
