package dev.kiln.artifact.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.artifact.domain.ArtifactException;
import dev.kiln.artifact.domain.gc.GcAction;
import dev.kiln.artifact.domain.gc.GcDecision;
import dev.kiln.artifact.domain.gc.GcItemStatus;
import dev.kiln.artifact.domain.gc.GcPlan;
import dev.kiln.artifact.domain.gc.GcRule;
import dev.kiln.artifact.domain.gc.GcRunItem;
import dev.kiln.artifact.domain.gc.GcRunStatus;
import dev.kiln.artifact.domain.gc.GcRunView;
import dev.kiln.artifact.domain.gc.GcRuns;
import dev.kiln.artifact.domain.gc.GcSettings;
import dev.kiln.artifact.domain.gc.GcTrigger;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Garbage collection runs in {@code gc_run} and {@code gc_run_item}. */
@ApplicationScoped
public class GcRunRepository implements PanacheRepositoryBase<GcRunEntity, String>, GcRuns {

    private static final String RUNNING = GcRunStatus.RUNNING.name();

    private final ObjectMapper json;

    public GcRunRepository(ObjectMapper json) {
        this.json = json;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String start(GcTrigger trigger, String requestedBy, GcSettings settings, Instant now,
            Instant abandonedBefore) {
        update("status = ?1, finishedAt = ?2, error = ?3 where status = ?4 and heartbeatAt < ?5",
                GcRunStatus.FAILED.name(), now, "abandoned: no progress since before " + abandonedBefore, RUNNING,
                abandonedBefore);
        if (count("status", RUNNING) > 0) {
            throw inProgress();
        }
        GcRunEntity run = new GcRunEntity();
        run.id = UUID.randomUUID().toString();
        run.trigger = trigger.name();
        run.status = RUNNING;
        run.requestedBy = requestedBy;
        run.settings = write(settings);
        run.startedAt = now;
        run.heartbeatAt = now;
        try {
            persistAndFlush(run);
        } catch (PersistenceException e) {
            throw inProgress();
        }
        return run.id;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordPlan(String runId, GcPlan plan, Instant now) {
        List<GcDecision> decisions = plan.decisions();
        for (int i = 0; i < decisions.size(); i++) {
            GcDecision d = decisions.get(i);
            GcRunItemEntity item = new GcRunItemEntity();
            item.runId = runId;
            item.seq = i + 1;
            item.rule = d.rule().name();
            item.code = d.code();
            item.subject = d.subject();
            item.version = d.version();
            item.action = d.action().name();
            item.reason = d.reason();
            item.prefixes = String.join("\n", d.prefixes());
            item.status = (d.purges() ? GcItemStatus.PENDING : GcItemStatus.KEPT).name();
            getEntityManager().persist(item);
        }
        GcRunEntity run = findById(runId);
        run.purges = plan.purges().size();
        run.heartbeatAt = now;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(String runId, int seq, GcItemStatus status, long deletedObjects, String error, Instant now) {
        GcRunItemEntity.Key key = new GcRunItemEntity.Key();
        key.runId = runId;
        key.seq = seq;
        GcRunItemEntity item = getEntityManager().find(GcRunItemEntity.class, key);
        item.status = status.name();
        item.deletedObjects = deletedObjects;
        item.error = error;
        GcRunEntity run = findById(runId);
        run.heartbeatAt = now;
        run.deletedObjects += deletedObjects;
        if (status == GcItemStatus.DONE) {
            run.done++;
        } else if (status == GcItemStatus.FAILED) {
            run.failed++;
        } else if (status == GcItemStatus.SKIPPED) {
            run.skipped++;
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void heartbeat(String runId, Instant now) {
        update("heartbeatAt = ?1 where id = ?2", now, runId);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(String runId, GcRunStatus status, String error, Instant now) {
        GcRunEntity run = findById(runId);
        run.status = status.name();
        run.error = error;
        run.finishedAt = now;
        run.heartbeatAt = now;
    }

    @Override
    @Transactional
    public Optional<GcRunView> find(String id) {
        return findByIdOptional(id).map(run -> view(run, items(id)));
    }

    @Override
    @Transactional
    public List<GcRunView> page(int page, int size) {
        return findAll(Sort.descending("startedAt")).page(Page.of(page, size)).list().stream()
                .map(run -> view(run, null)).toList();
    }

    @Override
    @Transactional
    public long countRuns() {
        return count();
    }

    private List<GcRunItem> items(String runId) {
        return getEntityManager().createQuery("from GcRunItemEntity where runId = ?1 order by seq",
                GcRunItemEntity.class).setParameter(1, runId).getResultList().stream()
                .map(item -> new GcRunItem(item.seq, new GcDecision(GcRule.valueOf(item.rule), item.code, item.subject,
                        item.version, GcAction.valueOf(item.action), item.reason,
                        item.prefixes.isEmpty() ? List.of() : Arrays.asList(item.prefixes.split("\n"))),
                        GcItemStatus.valueOf(item.status), item.deletedObjects, item.error))
                .toList();
    }

    private GcRunView view(GcRunEntity run, List<GcRunItem> items) {
        return new GcRunView(run.id, GcTrigger.valueOf(run.trigger), GcRunStatus.valueOf(run.status), run.requestedBy,
                read(run.settings), run.startedAt, run.finishedAt, run.purges, run.done, run.failed, run.skipped,
                run.deletedObjects,
                run.error, items);
    }

    private static ArtifactException inProgress() {
        return new ArtifactException(ArtifactException.Reason.CONFLICT, "gc-run-in-progress",
                "a garbage collection run is in progress; wait for it to finish", null);
    }

    private String write(GcSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private GcSettings read(String settings) {
        try {
            return json.readValue(settings, GcSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
