package dev.kiln.release.domain.promotion;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a release request is: waiting in its lane ({@code queued}), getting its version ({@code versioning}: the
 * allocation and the start of its build), {@code building}, {@code testing} (its release candidate collects reports),
 * {@code awaiting-approval} (every gate but the approvals holds, or all hold and it waits to be published), and the
 * final {@code published}, {@code failed} and {@code cancelled}.
 */
public enum RequestState {
    QUEUED,
    VERSIONING,
    BUILDING,
    TESTING,
    AWAITING_APPROVAL,
    PUBLISHED,
    FAILED,
    CANCELLED;

    /** The single table of legal moves. */
    public Set<RequestState> successors() {
        return switch (this) {
            // a queued request whose rules no longer hold when its turn comes fails without asking anyone
            case QUEUED -> EnumSet.of(VERSIONING, FAILED, CANCELLED);
            case VERSIONING -> EnumSet.of(BUILDING, FAILED, CANCELLED);
            case BUILDING -> EnumSet.of(TESTING, FAILED, CANCELLED);
            case TESTING -> EnumSet.of(AWAITING_APPROVAL, PUBLISHED, FAILED, CANCELLED);
            // back to testing when a later failing report revokes a test gate
            case AWAITING_APPROVAL -> EnumSet.of(TESTING, PUBLISHED, FAILED, CANCELLED);
            case PUBLISHED, FAILED, CANCELLED -> EnumSet.noneOf(RequestState.class);
        };
    }

    public boolean canMoveTo(RequestState next) {
        return successors().contains(next);
    }

    /** Published, failed or cancelled: nothing moves it any more, and its lane's next request may proceed. */
    public boolean finished() {
        return successors().isEmpty();
    }

    /** As the API and the event types spell it: {@code awaiting-approval}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RequestState> ofId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
