package dev.kiln.release.domain.promotion;

import dev.kiln.flatcar.Channel;
import java.util.List;
import java.util.Optional;

/** Where release requests and their histories are kept (port; persistence implements it). Every call needs a transaction. */
public interface PromotionStore {

    void create(PromotionRequest request);

    Optional<PromotionRequest> find(String id);

    /** Like {@link #find}, holding the request's row locked until the transaction ends. */
    Optional<PromotionRequest> lock(String id);

    /** Stores the request's fields and appends the history entries not stored yet. */
    void save(PromotionRequest request);

    /** Holds {@code lane} locked until the transaction ends, so that two new requests of a lane see each other. */
    void lockLane(Lane lane);

    /** Every request not finished, oldest first. */
    List<PromotionRequest> open();

    /** The open requests of one lane, oldest first. */
    List<PromotionRequest> openIn(Lane lane);

    /** The newest request that was allocated this version. */
    Optional<PromotionRequest> findByVersion(dev.kiln.flatcar.Version version);

    /** The request whose build this is. */
    Optional<PromotionRequest> findByBuild(String buildId);

    /** What a sweep passes over: the open requests, and cancelled ones whose build was not stopped yet. */
    List<String> needingPasses();

    /** Newest first. */
    RequestPage list(Optional<RequestState> state, Optional<Channel> channel, int offset, int size);

    record RequestPage(List<PromotionRequest> items, long total) {
    }
}
