package dev.kiln.release.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.release.PipelineInputs;
import dev.kiln.release.domain.release.Release;
import dev.kiln.release.domain.release.ReleaseState;
import dev.kiln.release.domain.release.ReleaseStore;
import dev.kiln.release.domain.release.Transition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Releases in the release and release_transition tables. */
@ApplicationScoped
public class JpaReleaseStore implements ReleaseStore {

    private final EntityManager em;
    private final ObjectMapper json;

    public JpaReleaseStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    public Optional<Release> find(Version version) {
        return Optional.ofNullable(em.find(ReleaseEntity.class, version.toString())).map(this::toRelease);
    }

    @Override
    public Optional<Release> lock(Version version) {
        return Optional.ofNullable(em.find(ReleaseEntity.class, version.toString(), LockModeType.PESSIMISTIC_WRITE))
                .map(this::toRelease);
    }

    @Override
    public boolean create(Release release) {
        // insert-or-nothing, so that two deliveries of one build racing each other create one release
        int inserted = em.createNativeQuery("""
                insert into release (version, major, minor, patch, channel, tag, commit_id, build_id, sdk_version, arches,
                    vendors, requested_by, state, created_at, pipeline, pipeline_digest, params)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, cast(?17 as jsonb))
                on conflict (version) do nothing""")
                .setParameter(1, release.version().toString())
                .setParameter(2, release.version().major())
                .setParameter(3, release.version().minor())
                .setParameter(4, release.version().patch())
                .setParameter(5, release.channel().id())
                .setParameter(6, release.tag().name())
                .setParameter(7, release.commit())
                .setParameter(8, release.buildId())
                .setParameter(9, release.sdkVersion().toString())
                .setParameter(10, String.join(",", release.arches()))
                .setParameter(11, String.join(",", release.vendors()))
                .setParameter(12, release.requestedBy().orElse(null))
                .setParameter(13, release.state().id())
                .setParameter(14, release.history().getFirst().at())
                .setParameter(15, release.pipeline().name())
                .setParameter(16, release.pipeline().digest())
                .setParameter(17, paramsJson(release.pipeline().params()))
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        persistTransition(release.version().toString(), 1, release.history().getFirst());
        return true;
    }

    @Override
    public void record(Version version, Transition transition) {
        ReleaseEntity row = em.find(ReleaseEntity.class, version.toString());
        row.state = transition.to().id();
        long seq = em.createQuery("select count(t) from TransitionEntity t where t.version = :v", Long.class)
                .setParameter("v", row.version).getSingleResult();
        persistTransition(row.version, (int) seq + 1, transition);
    }

    @Override
    public ReleasePage list(ReleaseFilter filter, int offset, int size) {
        String where = " where (:channel is null or r.channel = :channel) and (:state is null or r.state = :state)";
        String channel = filter.channel().map(Channel::id).orElse(null);
        String state = filter.state().map(ReleaseState::id).orElse(null);
        List<ReleaseEntity> rows = em.createQuery("select r from ReleaseEntity r" + where
                        + " order by r.major desc, r.minor desc, r.patch desc", ReleaseEntity.class)
                .setParameter("channel", channel).setParameter("state", state)
                .setFirstResult(offset).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(r) from ReleaseEntity r" + where, Long.class)
                .setParameter("channel", channel).setParameter("state", state).getSingleResult();
        Map<String, List<TransitionEntity>> histories = histories(rows.stream().map(r -> r.version).toList());
        return new ReleasePage(rows.stream().map(r -> toRelease(r, histories.getOrDefault(r.version, List.of()))).toList(), total);
    }

    @Override
    public Optional<Instant> newestPublishedAt(int major, Channel channel) {
        List<ReleaseEntity> rows = em.createQuery("select r from ReleaseEntity r where r.major = :major and r.minor = :minor"
                        + " and r.state in ('published', 'superseded') order by r.patch desc", ReleaseEntity.class)
                .setParameter("major", major).setParameter("minor", channel.minor()).setMaxResults(1).getResultList();
        return rows.stream().findFirst().flatMap(r -> toRelease(r).publishedAt());
    }

    private String paramsJson(Map<String, String> params) {
        if (params.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("params of a release cannot be written as JSON", e);
        }
    }

    private void persistTransition(String version, int seq, Transition transition) {
        TransitionEntity row = new TransitionEntity();
        row.version = version;
        row.seq = seq;
        row.fromState = transition.from() == null ? null : transition.from().id();
        row.toState = transition.to().id();
        row.actor = transition.actor();
        row.reason = transition.reason();
        row.at = transition.at();
        em.persist(row);
    }

    private Map<String, List<TransitionEntity>> histories(List<String> versions) {
        if (versions.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select t from TransitionEntity t where t.version in :versions order by t.seq", TransitionEntity.class)
                .setParameter("versions", versions).getResultStream()
                .collect(Collectors.groupingBy(t -> t.version, Collectors.toCollection(ArrayList::new)));
    }

    private Release toRelease(ReleaseEntity row) {
        return toRelease(row, histories(List.of(row.version)).getOrDefault(row.version, List.of()));
    }

    private static Release toRelease(ReleaseEntity row, List<TransitionEntity> history) {
        Version version = Version.parse(row.version);
        return new Release(version, Tag.parse(row.tag), row.commitId, row.buildId, Version.parse(row.sdkVersion),
                split(row.arches), split(row.vendors), new PipelineInputs(row.pipeline, row.pipelineDigest, row.params),
                Optional.ofNullable(row.requestedBy),
                history.stream().map(JpaReleaseStore::toTransition).toList());
    }

    private static Transition toTransition(TransitionEntity t) {
        return new Transition(t.fromState == null ? null : state(t.fromState), state(t.toState), t.actor, t.reason, t.at);
    }

    static ReleaseState state(String id) {
        return ReleaseState.valueOf(id.toUpperCase(Locale.ROOT));
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
