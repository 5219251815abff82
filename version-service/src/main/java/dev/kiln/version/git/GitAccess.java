package dev.kiln.version.git;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.kiln.version.config.VersionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.ssh.jsch.JschConfigSessionFactory;
import org.eclipse.jgit.transport.ssh.jsch.OpenSshConfig;
import org.eclipse.jgit.util.FS;

/** How this service authenticates to the scripts remote: a token over https, or a key over ssh (host keys checked). */
@ApplicationScoped
public class GitAccess {

    private final CredentialsProvider credentials;
    private final JschConfigSessionFactory ssh;
    private final int timeoutSeconds;

    public GitAccess(VersionConfig config) {
        VersionConfig.Git git = config.git();
        this.credentials = git.token().map(token -> new UsernamePasswordCredentialsProvider(git.tokenUser(), token)).orElse(null);
        this.ssh = git.sshKey().map(key -> new KeyFileSessionFactory(key, git.sshKnownHosts().orElse(null))).orElse(null);
        this.timeoutSeconds = Math.toIntExact(Math.max(1, git.timeout().toSeconds()));
    }

    /** Applies credentials, ssh key and timeout to a transport before it is used. */
    public void configure(Transport transport) {
        transport.setTimeout(timeoutSeconds);
        if (credentials != null) {
            transport.setCredentialsProvider(credentials);
        }
        if (ssh != null && transport instanceof SshTransport sshTransport) {
            sshTransport.setSshSessionFactory(ssh);
        }
    }

    /** JSch sessions that offer only the configured key and refuse hosts whose key is not known. */
    static final class KeyFileSessionFactory extends JschConfigSessionFactory {

        private final Path key;
        private final Path knownHosts;

        KeyFileSessionFactory(Path key, Path knownHosts) {
            this.key = key;
            this.knownHosts = knownHosts;
        }

        @Override
        protected JSch createDefaultJSch(FS fs) throws JSchException {
            JSch jsch = super.createDefaultJSch(fs);
            jsch.removeAllIdentity();
            jsch.addIdentity(key.toString());
            if (knownHosts != null) {
                jsch.setKnownHosts(knownHosts.toString());
            }
            return jsch;
        }

        @Override
        protected void configure(OpenSshConfig.Host host, Session session) {
            session.setConfig("StrictHostKeyChecking", "yes");
        }
    }
}
