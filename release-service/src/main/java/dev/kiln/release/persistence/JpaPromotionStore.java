package dev.kiln.release.persistence;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.Version;
import dev.kiln.release.domain.promotion.BuildOutcome;
import dev.kiln.release.domain.promotion.HistoryEntry;
import dev.kiln.release.domain.promotion.Lane;
import dev.kiln.release.domain.promotion.PromotionRequest;
import dev.kiln.release.domain.promotion.PromotionStore;
import dev.kiln.release.domain.promotion.ReleaseRequest;
import dev.kiln.release.domain.promotion.RequestState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Release requests in promotion_request and promotion_history; lanes are locked through promotion_lane rows. */
@ApplicationScoped
public class JpaPromotionStore implements PromotionStore {

    private static final List<String> OPEN = List.of("queued", "versioning", "building", "testing", "awaiting-approval");

    private final EntityManager em;

    public JpaPromotionStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public void create(PromotionRequest request) {
        PromotionRequestEntity row = new PromotionRequestEntity();
        row.id = request.id();
        row.type = request.ask().type();
        row.channel = request.channel().id();
        row.laneMajor = request.lane().major().isPresent() ? request.lane().major().getAsInt() : null;
        row.sourceVersion = request.source().map(Version::toString).orElse(null);
        row.arches = String.join(",", request.arches());
        row.vendors = String.join(",", request.vendors());
        row.requestedBy = request.requestedBy();
        row.createdAt = request.createdAt();
        copy(request, row);
        em.persist(row);
        appendHistory(request, 0);
    }

    @Override
    public Optional<PromotionRequest> find(String id) {
        return Optional.ofNullable(em.find(PromotionRequestEntity.class, id)).map(this::toRequest);
    }

    @Override
    public Optional<PromotionRequest> lock(String id) {
        return Optional.ofNullable(em.find(PromotionRequestEntity.class, id, LockModeType.PESSIMISTIC_WRITE)).map(this::toRequest);
    }

    @Override
    public void save(PromotionRequest request) {
        PromotionRequestEntity row = em.find(PromotionRequestEntity.class, request.id());
        copy(request, row);
        long stored = em.createQuery("select count(h) from PromotionHistoryEntity h where h.requestId = :id", Long.class)
                .setParameter("id", request.id()).getSingleResult();
        appendHistory(request, (int) stored);
    }

    @Override
    public void lockLane(Lane lane) {
        em.createNativeQuery("insert into promotion_lane (lane) values (?1) on conflict (lane) do nothing")
                .setParameter(1, lane.toString()).executeUpdate();
        em.createNativeQuery("select lane from promotion_lane where lane = ?1 for update").setParameter(1, lane.toString())
                .getResultList();
    }

    @Override
    public List<PromotionRequest> open() {
        return load(em.createQuery("select r from PromotionRequestEntity r where r.state in :open"
                + " order by r.createdAt, r.id", PromotionRequestEntity.class).setParameter("open", OPEN));
    }

    @Override
    public List<PromotionRequest> openIn(Lane lane) {
        String major = lane.major().isPresent() ? " and r.laneMajor = :major" : " and r.laneMajor is null";
        TypedQuery<PromotionRequestEntity> query = em.createQuery("select r from PromotionRequestEntity r where r.state in :open"
                + " and r.channel = :channel" + major + " order by r.createdAt, r.id", PromotionRequestEntity.class)
                .setParameter("open", OPEN).setParameter("channel", lane.channel().id());
        if (lane.major().isPresent()) {
            query.setParameter("major", lane.major().getAsInt());
        }
        return load(query);
    }

    @Override
    public Optional<PromotionRequest> findByVersion(Version version) {
        return load(em.createQuery("select r from PromotionRequestEntity r where r.tag = :tag order by r.createdAt desc",
                PromotionRequestEntity.class).setParameter("tag", Tag.release(version).name()).setMaxResults(1)).stream().findFirst();
    }

    @Override
    public Optional<PromotionRequest> findByBuild(String buildId) {
        return load(em.createQuery("select r from PromotionRequestEntity r where r.buildId = :build", PromotionRequestEntity.class)
                .setParameter("build", buildId)).stream().findFirst();
    }

    @Override
    public List<String> needingPasses() {
        return em.createQuery("select r.id from PromotionRequestEntity r where r.state in :open or (r.state = 'cancelled'"
                + " and r.buildId is not null and r.buildStopped = false and r.buildResult is null) order by r.createdAt, r.id",
                String.class).setParameter("open", OPEN).getResultList();
    }

    @Override
    public RequestPage list(Optional<RequestState> state, Optional<Channel> channel, int offset, int size) {
        String where = " where (:state is null or r.state = :state) and (:channel is null or r.channel = :channel)";
        String stateId = state.map(RequestState::id).orElse(null);
        String channelId = channel.map(Channel::id).orElse(null);
        List<PromotionRequest> items = load(em.createQuery("select r from PromotionRequestEntity r" + where
                + " order by r.createdAt desc, r.id desc", PromotionRequestEntity.class)
                .setParameter("state", stateId).setParameter("channel", channelId).setFirstResult(offset).setMaxResults(size));
        long total = em.createQuery("select count(r) from PromotionRequestEntity r" + where, Long.class)
                .setParameter("state", stateId).setParameter("channel", channelId).getSingleResult();
        return new RequestPage(items, total);
    }

    private static void copy(PromotionRequest request, PromotionRequestEntity row) {
        row.state = request.state().id();
        row.reason = request.reason();
        row.tag = request.tag().map(Tag::name).orElse(null);
        row.buildId = request.buildId().orElse(null);
        row.buildResult = request.buildOutcome().map(o -> o.result().name().toLowerCase(Locale.ROOT)).orElse(null);
        row.buildReason = request.buildOutcome().map(BuildOutcome::reason).orElse(null);
        row.buildStopped = request.buildStopped();
        row.queuedBehind = request.queuedBehind().orElse(null);
        row.updatedAt = request.updatedAt();
    }

    private void appendHistory(PromotionRequest request, int stored) {
        List<HistoryEntry> history = request.history();
        for (int i = stored; i < history.size(); i++) {
            HistoryEntry entry = history.get(i);
            PromotionHistoryEntity row = new PromotionHistoryEntity();
            row.requestId = request.id();
            row.seq = i + 1;
            row.state = entry.state().id();
            row.actor = entry.actor();
            row.reason = entry.reason();
            row.at = entry.at();
            em.persist(row);
        }
    }

    private List<PromotionRequest> load(TypedQuery<PromotionRequestEntity> query) {
        List<PromotionRequestEntity> rows = query.getResultList();
        Map<String, List<PromotionHistoryEntity>> histories = histories(rows.stream().map(r -> r.id).toList());
        return rows.stream().map(r -> toRequest(r, histories.getOrDefault(r.id, List.of()))).toList();
    }

    private PromotionRequest toRequest(PromotionRequestEntity row) {
        return toRequest(row, histories(List.of(row.id)).getOrDefault(row.id, List.of()));
    }

    private Map<String, List<PromotionHistoryEntity>> histories(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select h from PromotionHistoryEntity h where h.requestId in :ids order by h.seq",
                        PromotionHistoryEntity.class).setParameter("ids", ids).getResultStream()
                .collect(Collectors.groupingBy(h -> h.requestId, Collectors.toCollection(ArrayList::new)));
    }

    private static PromotionRequest toRequest(PromotionRequestEntity row, List<PromotionHistoryEntity> history) {
        Optional<Version> source = Optional.ofNullable(row.sourceVersion).map(Version::parse);
        Channel channel = Channel.ofId(row.channel).orElseThrow();
        ReleaseRequest ask = switch (row.type) {
            case "new-major" -> new ReleaseRequest.NewMajor();
            case "promotion" -> new ReleaseRequest.Promotion(source.orElseThrow(), channel);
            case "patch" -> new ReleaseRequest.Patch(channel, row.laneMajor);
            default -> throw new IllegalStateException("request " + row.id + " has unknown type " + row.type);
        };
        Optional<BuildOutcome> outcome = Optional.ofNullable(row.buildResult)
                .map(r -> new BuildOutcome(BuildOutcome.Result.valueOf(r.toUpperCase(Locale.ROOT)), row.buildReason));
        return new PromotionRequest(row.id, ask, source, JpaReleaseStore.split(row.arches), JpaReleaseStore.split(row.vendors),
                row.requestedBy, Optional.ofNullable(row.tag).map(Tag::parse), Optional.ofNullable(row.buildId), outcome,
                row.buildStopped, Optional.ofNullable(row.queuedBehind),
                history.stream().map(h -> new HistoryEntry(RequestState.ofId(h.state).orElseThrow(), h.actor, h.reason, h.at))
                        .toList());
    }
}
