package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import dev.kiln.version.domain.AllocationPlan;
import dev.kiln.version.domain.DeleteOutcome;
import dev.kiln.version.domain.RepositoryUnavailableException;
import dev.kiln.version.domain.RepositoryView;
import dev.kiln.version.domain.ScriptsRepository;
import dev.kiln.version.domain.TagOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jboss.logging.Logger;

/**
 * The scripts repository through a bare JGit clone that lives as long as the service. Fetches, pushes and
 * repacks are serialised in this process; reads of objects run beside them.
 */
@ApplicationScoped
public class JGitScriptsRepository implements ScriptsRepository {

    private static final Logger LOG = Logger.getLogger(JGitScriptsRepository.class);
    private static final Duration REFETCH_FOR_READ_AFTER = Duration.ofSeconds(5);

    private final VersionConfig config;
    private final GitAccess access;
    private final TagSigning signing;
    private final Clock clock;
    private final Timer fetchTimer;
    private final Timer pushTimer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Object openLock = new Object();
    private volatile Repository repository;
    private volatile RemoteTags tags = RemoteTags.NONE;
    private volatile Instant lastFetch;
    private volatile String lastError;

    public JGitScriptsRepository(VersionConfig config, GitAccess access, TagSigning signing, Clock clock, MeterRegistry meters) {
        this.config = config;
        this.access = access;
        this.signing = signing;
        this.clock = clock;
        this.fetchTimer = Timer.builder("kiln.version.git.fetch").description("Fetches of the scripts repository").register(meters);
        this.pushTimer = Timer.builder("kiln.version.git.push").description("Pushes to the scripts repository").register(meters);
    }

    @Override
    public RepositoryView refresh() {
        writeLock.lock();
        try {
            Repository repo = repo();
            FetchResult fetched = fetchTimer.record(() -> fetch(repo));
            tags = RemoteTags.advertised(fetched.getAdvertisedRefs());
            return new FetchedView(repo, config.versionFile(), tags, this::localTagCommit);
        } catch (IOException e) {
            throw unavailable("cannot read the local clone", e, false);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public TagOutcome applyTag(AllocationPlan plan, boolean resuming) {
        writeLock.lock();
        try (RevWalk walk = new RevWalk(repo()); ObjectInserter inserter = repo().newObjectInserter()) {
            Ref baseRef = repo().exactRef(LocalClone.TRACKING + plan.baseBranch());
            if (baseRef == null) {
                return new TagOutcome.Conflict("branch " + plan.baseBranch() + " no longer exists on the remote");
            }
            RevCommit base = walk.parseCommit(baseRef.getObjectId());
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, plan.file().render().getBytes(StandardCharsets.UTF_8));
            ObjectId tree = TreeEdit.withFile(walk.getObjectReader(), inserter, base.getTree(), config.versionFile(), blob);
            if (tags.object(plan.tag().name()) != null) {
                return existingTag(walk, tree, blob, plan, resuming);
            }
            PersonIdent ident = ident();
            boolean ownHead = base.getTree().equals(tree) && carries(walk, base, plan, blob);
            ObjectId commit = ownHead ? base : VersionObjects.commit(inserter, tree, base, ident, plan);
            ObjectId tag = VersionObjects.tag(inserter, repo(), commit, ident, plan.tag(), signing.signerFor(plan.tag()));
            inserter.flush();
            return push(plan, base, commit, !ownHead, tag);
        } catch (IOException e) {
            throw unavailable("cannot build the version commit of " + plan.tag(), e, false);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Optional<String> publishedCommit(AllocationPlan plan) {
        try (RevWalk walk = new RevWalk(repo())) {
            Optional<ObjectId> commit = localTagCommit(plan.tag().name());
            if (commit.isEmpty()) {
                return Optional.empty();
            }
            ObjectId blob = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, plan.file().render().getBytes(StandardCharsets.UTF_8));
            RevCommit tagged = walk.parseCommit(commit.get());
            return carries(walk, tagged, plan, blob) ? Optional.of(tagged.name()) : Optional.empty();
        } catch (IOException e) {
            throw unavailable("cannot read tag " + plan.tag(), e, false);
        }
    }

    @Override
    public DeleteOutcome deleteTag(String tag) {
        writeLock.lock();
        try {
            String name = Constants.R_TAGS + tag;
            ObjectId current = tags.object(tag);
            if (current == null) {
                return DeleteOutcome.ABSENT;
            }
            RemoteRefUpdate delete = new RemoteRefUpdate(repo(), (String) null, name, false, null, current);
            RemoteRefUpdate.Status status = pushUpdates(List.of(delete)).getRemoteUpdate(name).getStatus();
            if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.NON_EXISTING) {
                tags = tags.without(tag);
                LocalClone.deleteRef(repo(), LocalClone.FETCHED_TAGS + tag);
                return status == RemoteRefUpdate.Status.OK ? DeleteOutcome.DELETED : DeleteOutcome.ABSENT;
            }
            LOG.infof("deleting tag %s was rejected: %s %s", tag, status, delete.getMessage());
            return DeleteOutcome.REJECTED;
        } catch (IOException e) {
            throw unavailable("cannot delete tag " + tag, e, true);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Optional<String> versionFileAt(String tag) {
        try {
            if (tags.object(tag) == null && (lastFetch == null || lastFetch.isBefore(clock.instant().minus(REFETCH_FOR_READ_AFTER)))) {
                refresh();
            }
            Optional<ObjectId> commit = localTagCommit(tag);
            return commit.isEmpty() ? Optional.empty() : LocalClone.readFile(repo(), commit.get(), config.versionFile());
        } catch (IOException e) {
            throw unavailable("cannot read tag " + tag, e, false);
        }
    }

    /**
     * Repacks the clone when loose objects (every allocation writes a few) or packs have piled up; objects no
     * branch reaches (pushed dev tags, tags fetched to be read) are pruned.
     */
    public void maintain() {
        if (repository == null) {
            return;
        }
        writeLock.lock();
        try (Git git = Git.wrap(repo())) {
            if (Maintenance.repackDue(git, config.git().repackAfterObjects())) {
                long started = System.nanoTime();
                LocalClone.deleteRefs(repo(), LocalClone.FETCHED_TAGS);
                git.gc().call();
                LOG.infof("repacked the local clone in %d ms", (System.nanoTime() - started) / 1_000_000);
            }
        } catch (GitAPIException | IOException | RuntimeException e) {
            LOG.warnf("repacking the local clone failed (harmless, retried later): %s", e.getMessage());
        } finally {
            writeLock.unlock();
        }
    }

    /** The last fetch or push failure, or null when the last one succeeded. */
    public String lastError() {
        return lastError;
    }

    public Instant lastFetch() {
        return lastFetch;
    }

    @PreDestroy
    void close() {
        if (repository != null) {
            repository.close();
        }
    }

    /** The commit a remote tag peels to, with its objects present locally: fetched once if only the remote has them. */
    private Optional<ObjectId> localTagCommit(String tag) {
        ObjectId commit = tags.commit(tag);
        if (commit == null) {
            return Optional.empty();
        }
        try {
            if (repo().getObjectDatabase().has(commit)) {
                return Optional.of(commit);
            }
        } catch (IOException e) {
            throw unavailable("cannot read the local clone", e, false);
        }
        writeLock.lock();
        try (Git git = Git.wrap(repo())) {
            git.fetch().setRemote(LocalClone.REMOTE).setRefSpecs(new RefSpec("+" + Constants.R_TAGS + tag + ":" + LocalClone.FETCHED_TAGS + tag))
                    .setTagOpt(TagOpt.NO_TAGS).setTransportConfigCallback(access::configure).call();
            return repo().getObjectDatabase().has(commit) ? Optional.of(commit) : Optional.empty();
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw unavailable("cannot fetch tag " + tag, e, false);
        } finally {
            writeLock.unlock();
        }
    }

    private TagOutcome existingTag(RevWalk walk, ObjectId tree, ObjectId blob, AllocationPlan plan, boolean resuming) throws IOException {
        Optional<ObjectId> commit = localTagCommit(plan.tag().name());
        if (commit.isEmpty()) {
            return new TagOutcome.Conflict("tag " + plan.tag() + " already exists on the remote and points at no commit");
        }
        RevCommit tagged = walk.parseCommit(commit.get());
        if (tagged.getTree().equals(tree) || resuming && carries(walk, tagged, plan, blob)) {
            return new TagOutcome.Tagged(tagged.name(), true);
        }
        return new TagOutcome.Conflict("tag " + plan.tag() + " already exists on the remote with a different tree (commit "
                + tagged.abbreviate(12).name() + ")");
    }

    /** Whether {@code commit} is this plan's {@code New version} commit with this plan's version.txt. */
    private boolean carries(RevWalk walk, RevCommit commit, AllocationPlan plan, ObjectId blob) throws IOException {
        walk.parseBody(commit);
        if (!plan.commitSubject().equals(commit.getShortMessage())) {
            return false;
        }
        try (TreeWalk file = TreeWalk.forPath(repo(), config.versionFile(), commit.getTree())) {
            return file != null && file.getObjectId(0).equals(blob);
        }
    }

    private TagOutcome push(AllocationPlan plan, RevCommit base, ObjectId commit, boolean moveBranch, ObjectId tag) throws IOException {
        List<RemoteRefUpdate> updates = new ArrayList<>();
        if (plan.pushBranch() != null && moveBranch) {
            String branch = Constants.R_HEADS + plan.pushBranch();
            updates.add(new RemoteRefUpdate(repo(), null, commit, branch, false, LocalClone.TRACKING + plan.pushBranch(),
                    plan.createBranch() ? ObjectId.zeroId() : base));
        }
        String tagRef = Constants.R_TAGS + plan.tag().name();
        updates.add(new RemoteRefUpdate(repo(), null, tag, tagRef, false, null, ObjectId.zeroId()));
        pushUpdates(updates);
        List<String> rejected = updates.stream()
                .filter(u -> u.getStatus() != RemoteRefUpdate.Status.OK && u.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE)
                .map(u -> u.getRemoteName() + " " + u.getStatus() + (u.getMessage() == null ? "" : " (" + u.getMessage() + ")"))
                .toList();
        if (!rejected.isEmpty()) {
            return new TagOutcome.Rejected(String.join(", ", rejected));
        }
        tags = tags.with(plan.tag().name(), tag, commit);
        LOG.infof("pushed %s (commit %s%s)", plan.tag(), commit.name(), moveBranch && plan.pushBranch() != null ? " on " + plan.pushBranch() : "");
        return new TagOutcome.Tagged(commit.name(), false);
    }

    private PushResult pushUpdates(List<RemoteRefUpdate> updates) throws IOException {
        Timer.Sample sample = Timer.start();
        try (Transport transport = Transport.open(repo(), LocalClone.REMOTE)) {
            access.configure(transport);
            transport.setPushAtomic(config.git().atomicPush() && updates.size() > 1);
            PushResult result = transport.push(NullProgressMonitor.INSTANCE, updates);
            lastError = null;
            return result;
        } catch (TransportException | java.net.URISyntaxException | RuntimeException e) {
            throw unavailable("cannot push to " + config.scriptsRepoUrl(), e, true);
        } finally {
            sample.stop(pushTimer);
        }
    }

    private FetchResult fetch(Repository repo) {
        try (Git git = Git.wrap(repo)) {
            FetchResult result = git.fetch().setRemote(LocalClone.REMOTE).setRefSpecs(LocalClone.FETCH_SPECS).setRemoveDeletedRefs(true)
                    .setTagOpt(TagOpt.NO_TAGS).setTransportConfigCallback(access::configure).call();
            lastFetch = clock.instant();
            lastError = null;
            return result;
        } catch (GitAPIException | RuntimeException e) {
            throw unavailable("cannot fetch " + config.scriptsRepoUrl(), e, false);
        }
    }

    private PersonIdent ident() {
        return new PersonIdent(config.git().authorName(), config.git().authorEmail(), clock.instant(), ZoneOffset.UTC);
    }

    private Repository repo() {
        Repository repo = repository;
        if (repo != null) {
            return repo;
        }
        synchronized (openLock) {
            if (repository == null) {
                try {
                    repository = LocalClone.open(config.workDir().resolve("scripts.git"), config.scriptsRepoUrl(),
                            Maintenance.localServer(config));
                } catch (IOException e) {
                    throw unavailable("cannot open the local clone in " + config.workDir(), e, false);
                }
            }
            return repository;
        }
    }

    private RepositoryUnavailableException unavailable(String what, Exception cause, boolean pushMayHaveHappened) {
        lastError = what + ": " + cause.getMessage();
        LOG.warnf(cause, "%s", lastError);
        return new RepositoryUnavailableException(lastError, cause, pushMayHaveHappened);
    }
}
