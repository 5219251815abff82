package dev.kiln.release.service;

import dev.kiln.common.error.DomainException;
import dev.kiln.flatcar.CacheAreas;
import dev.kiln.release.domain.channel.ChannelOperation;
import dev.kiln.release.domain.channel.ChannelStorage;
import dev.kiln.release.domain.channel.ChannelStorage.StoredFile;
import dev.kiln.release.domain.channel.ChannelStorageException;
import dev.kiln.release.domain.channel.Pointer;
import dev.kiln.release.domain.publication.PackageList;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Carries out a recorded channel operation: plan from the stored state, the storage calls (each idempotent), then
 * the commit, then the channel files. Safe to run again at any point and from any replica: a crash leaves the
 * operation pending and the next run repeats the calls (copies are skipped, pointers already there stay) and
 * commits once. A storage that is down leaves it pending for the sweeper; a storage that refuses abandons it and
 * puts the pointers back where the board says.
 */
@ApplicationScoped
public class OperationRunner {

    /** The image report the feed's major software and the manifest's package changes are read from. */
    public static final String PACKAGES_FILE = "flatcar_production_image_packages.txt";

    private static final Logger LOG = Logger.getLogger(OperationRunner.class);

    private final ChannelOperations planner;
    private final OperationCommits commits;
    private final ChannelFiles files;
    private final ChannelStorage storage;

    public OperationRunner(ChannelOperations planner, OperationCommits commits, ChannelFiles files, ChannelStorage storage) {
        this.planner = planner;
        this.commits = commits;
        this.files = files;
        this.storage = storage;
    }

    /** Runs {@code id} to its end; storage failures become problems: 503 while it stays pending, 409 when refused. */
    public ChannelOperation run(long id) {
        Optional<OperationPlan> plan = planner.plan(id);
        if (plan.isPresent()) {
            OperationCommits.Findings findings = callStorage(plan.get());
            commits.commit(id, findings);
        }
        writeFilesQuietly();
        return planner.find(id).orElseThrow();
    }

    private OperationCommits.Findings callStorage(OperationPlan plan) {
        ChannelOperation op = plan.operation();
        try {
            Map<String, List<StoredFile>> copied = new LinkedHashMap<>();
            Map<String, PackageList> packages = new LinkedHashMap<>();
            for (String arch : plan.copies()) {
                copied.put(arch, storage.copy(op.channel(), arch, plan.version()));
                packages.put(arch, storage.readFile(CacheAreas.imagesDir(arch, plan.version()) + PACKAGES_FILE)
                        .map(b -> PackageList.parse(new String(b, StandardCharsets.UTF_8))).orElse(PackageList.empty()));
            }
            for (Pointer p : plan.pointers().moves()) {
                storage.movePointer(op.channel(), p.arch(), p.name(), p.version());
            }
            for (Pointer p : plan.pointers().removals()) {
                storage.removePointer(op.channel(), p.arch(), p.name());
            }
            for (String arch : plan.withdrawals()) {
                storage.withdraw(op.channel(), arch, plan.version(), op.reason());
            }
            return new OperationCommits.Findings(copied, packages);
        } catch (ChannelStorageException e) {
            if (e.retryable()) {
                planner.failed(op.id(), e.getMessage());
                throw new DomainException(DomainException.Kind.UNAVAILABLE, "channel-storage-unavailable", "the " + op.kind().id()
                        + " is recorded as operation " + op.id() + " and completes when artifact-service answers: "
                        + e.getMessage(), e);
            }
            planner.abandon(op.id(), e.slug() + ": " + e.getMessage());
            restorePointers(plan);
            throw new DomainException(DomainException.Kind.CONFLICT, e.slug() == null ? "channel-storage-refused" : e.slug(),
                    "artifact-service refused the " + op.kind().id() + ": " + e.getMessage(), e);
        }
    }

    /** After an abandoned operation: pointers back to what the board says, and the ones it made removed. */
    private void restorePointers(OperationPlan plan) {
        try {
            List<Pointer> now = planner.pointersNow(plan.operation().channel());
            Set<String> slots = now.stream().map(Pointer::slot).collect(Collectors.toSet());
            for (Pointer p : now) {
                storage.movePointer(plan.operation().channel(), p.arch(), p.name(), p.version());
            }
            for (Pointer p : plan.pointers().moves()) {
                if (!slots.contains(p.slot())) {
                    storage.removePointer(plan.operation().channel(), p.arch(), p.name());
                }
            }
        } catch (ChannelStorageException e) {
            LOG.errorf(e, "operation %d abandoned; putting the pointers of %s back failed", plan.operation().id(),
                    plan.operation().channel().id());
        }
    }

    /** The operation stands once committed; files that cannot be written now are written by the sweeper. */
    private void writeFilesQuietly() {
        try {
            files.write();
        } catch (RuntimeException e) {
            LOG.warnf("channel files not written yet (the sweeper retries): %s", e.getMessage());
        }
    }
}
