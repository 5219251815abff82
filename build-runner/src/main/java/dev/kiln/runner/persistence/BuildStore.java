package dev.kiln.runner.persistence;

import dev.kiln.flatcar.VersionRequest;
import dev.kiln.runner.catalog.PipelineYaml;
import dev.kiln.runner.domain.build.Build;
import dev.kiln.runner.domain.build.BuildPage;
import dev.kiln.runner.domain.build.BuildRequest;
import dev.kiln.runner.domain.build.BuildState;
import dev.kiln.runner.domain.build.BuildSummary;
import dev.kiln.runner.domain.build.RunState;
import dev.kiln.runner.domain.build.StepRun;
import dev.kiln.runner.domain.build.VersionInfo;
import dev.kiln.runner.domain.build.VersionRequests;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Stores builds with their step runs and maps rows to the domain and back. */
@ApplicationScoped
public class BuildStore {

    private final BuildRepository repository;
    private final PipelineSnapshots pipelines = new PipelineSnapshots();

    public BuildStore(BuildRepository repository) {
        this.repository = repository;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Build build) {
        BuildEntity row = new BuildEntity();
        row.id = build.id();
        row.pipeline = build.pipeline().name();
        row.pipelineSpec = PipelineYaml.toJson(build.pipeline().spec());
        row.pipelineDigest = PipelineSnapshots.digest(row.pipelineSpec);
        build.recordPipelineDigest(row.pipelineDigest);
        row.pipelineOrigin = build.pipeline().origin();
        BuildRequest request = build.request();
        VersionRequest version = request.version();
        if (version != null) {
            row.kind = version.kind().id();
            row.branch = version.branch();
            row.versionFrom = version.from();
            row.versionTo = version.to();
            row.versionSuffix = version.suffix();
            row.requestedSdkVersion = version.sdkVersion();
        }
        row.requestedTag = request.tag();
        row.arches = request.arches();
        row.vendors = request.vendors();
        row.params = request.params();
        row.skipCached = request.skipCached();
        row.requestedBy = request.requestedBy();
        row.createdAt = build.createdAt();
        int ordinal = 0;
        for (StepRun run : build.runs()) {
            StepRunEntity r = new StepRunEntity();
            r.build = row;
            r.runKey = run.key();
            r.ordinal = ordinal++;
            r.step = run.step();
            r.arch = run.arch();
            r.vendor = run.vendor();
            r.needs = run.needs();
            row.runs.add(r);
        }
        copy(build, row);
        repository.persist(row);
    }

    /** The build as stored now, read in a transaction of its own. */
    @Transactional
    public Optional<Build> find(String id) {
        return repository.findByIdOptional(id).map(this::toDomain);
    }

    /** Loads the build for change and locks its row until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredBuild> lock(String id) {
        return repository.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .map(row -> new StoredBuild(row, toDomain(row)));
    }

    /** Writes the changes of a locked build back; only changed columns are updated. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(StoredBuild stored) {
        copy(stored.build(), stored.entity);
    }

    /** Page {@code page} (from 0) of {@code size} builds, newest first; {@code state} and {@code tag} filter when not null. */
    @Transactional
    public BuildPage page(BuildState state, String tag, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (state != null) {
            where.add("state = :state");
            params = params.and("state", state.name());
        }
        if (tag != null) {
            where.add("tag = :tag");
            params = params.and("tag", tag);
        }
        var query = repository.find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), params);
        List<BuildSummary> items = query.page(Page.of(page, size)).list().stream().map(BuildStore::summary).toList();
        return new BuildPage(items, query.count());
    }

    /** Ids of the builds that are requested or running, oldest first. */
    @Transactional
    public List<String> unfinished() {
        return repository.find("state in ?1", Sort.ascending("createdAt"),
                List.of(BuildState.REQUESTED.name(), BuildState.RUNNING.name()))
                .project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** Projection of a build's id. */
    public record IdOnly(String id) {
    }

    private Build toDomain(BuildEntity row) {
        VersionRequest versionRequest = row.kind == null ? null
                : VersionRequests.of(row.kind, row.branch, row.versionFrom, row.versionTo, row.versionSuffix,
                        row.requestedSdkVersion);
        BuildRequest request = new BuildRequest(row.pipeline, versionRequest, row.requestedTag, row.arches,
                row.vendors, row.params, row.skipCached, row.requestedBy);
        VersionInfo version = row.version == null ? null : new VersionInfo(row.tag, row.version, row.versionId,
                row.flatcarBuildId, row.sdkVersion, row.channel, row.versionBranch, row.versionCommit);
        List<StepRun> runs = row.runs.stream().map(r -> StepRun.restore(r.runKey, r.step, r.arch, r.vendor, r.needs,
                RunState.valueOf(r.state), r.attempt, r.roundStart, r.notBefore, r.launchedAt, r.startedAt,
                r.finishedAt, r.reason, r.outputs, r.logPath)).toList();
        Build build = Build.restore(row.id, pipelines.of(row.pipelineDigest, () -> row.pipelineSpec,
                "build " + row.id + " (" + row.pipelineOrigin + ")"),
                request, row.createdAt, version, BuildState.valueOf(row.state), row.reason, row.startedAt,
                row.finishedAt, runs);
        build.recordPipelineDigest(row.pipelineDigest);
        return build;
    }

    private static void copy(Build build, BuildEntity row) {
        VersionInfo v = build.version();
        if (v != null) {
            row.tag = v.tag();
            row.version = v.version();
            row.versionId = v.versionId();
            row.flatcarBuildId = v.buildId();
            row.sdkVersion = v.sdkVersion();
            row.channel = v.channel();
            row.versionBranch = v.branch();
            row.versionCommit = v.commit();
        } else {
            row.tag = build.request().tag();
        }
        row.state = build.state().name();
        row.reason = build.reason();
        row.startedAt = build.startedAt();
        row.finishedAt = build.finishedAt();
        Map<String, StepRunEntity> rows = row.runs.stream()
                .collect(Collectors.toMap(r -> r.runKey, Function.identity()));
        for (StepRun run : build.runs()) {
            StepRunEntity r = rows.get(run.key());
            r.state = run.state().name();
            r.attempt = run.attempt();
            r.roundStart = run.roundStart();
            r.notBefore = run.notBefore();
            r.launchedAt = run.launchedAt();
            r.startedAt = run.startedAt();
            r.finishedAt = run.finishedAt();
            r.reason = run.reason();
            r.outputs = run.outputs();
            r.logPath = run.logPath();
        }
    }

    private static BuildSummary summary(BuildEntity row) {
        return new BuildSummary(row.id, row.pipeline, BuildState.valueOf(row.state), row.tag, row.version, row.arches,
                row.vendors, row.reason, row.requestedBy, row.createdAt, row.startedAt, row.finishedAt);
    }

    /** Gives up every lease {@code owner} holds, so that any replica may take those builds at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseLeasesOf(String owner) {
        return repository.update("owner = null, leaseUntil = null where owner = ?1", owner);
    }

    /** Used by tests and operators: when the build's lease ends. */
    @Transactional
    public Optional<Instant> leaseUntil(String id) {
        return repository.findByIdOptional(id).map(r -> r.leaseUntil);
    }
}
