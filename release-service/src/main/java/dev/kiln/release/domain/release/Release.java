package dev.kiln.release.domain.release;

import dev.kiln.flatcar.Channel;
import dev.kiln.flatcar.Tag;
import dev.kiln.flatcar.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An official Flatcar version built for one channel (its minor), immutable: every transition returns a new
 * value with the {@link Transition} appended to its history, so the history is the audit trail and the state
 * is always its last entry. {@code requestedBy} is the identity that asked for the promotion or patch that
 * produced it (empty for releases no person requested); the approval gate does not count that identity.
 * {@code commit} is null while unknown (older {@code dev.kiln.build.succeeded.v1} events do not carry it); {@code pipeline}
 * is the pipeline, its definition's digest and the params it was built with, as far as build-runner told them.
 */
public record Release(Version version, Tag tag, String commit, String buildId, Version sdkVersion, List<String> arches,
        List<String> vendors, PipelineInputs pipeline, Optional<String> requestedBy, List<Transition> history) {

    /** A transition's result: the release as it now is and the entry just added to its history. */
    public record Change(Release release, Transition transition) {
    }

    public Release {
        requireOfficial(version);
        if (!Tag.release(version).equals(tag)) {
            throw new InvalidReleaseException("release " + version + " is tagged " + Tag.release(version).name() + ", not " + tag);
        }
        if (commit != null && commit.isBlank()) {
            throw new InvalidReleaseException("a release's commit is a git object id, or null while unknown");
        }
        requireText(buildId, "build id");
        Objects.requireNonNull(sdkVersion, "sdkVersion");
        arches = List.copyOf(arches);
        vendors = List.copyOf(vendors);
        pipeline = pipeline == null ? PipelineInputs.UNKNOWN : pipeline;
        if (arches.isEmpty()) {
            throw new InvalidReleaseException("release " + version + " names no architecture");
        }
        requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        history = List.copyOf(history);
        if (history.isEmpty() || !history.getFirst().isCreation()) {
            throw new InvalidReleaseException("release " + version + " has no creation entry in its history");
        }
        requireChained(version, history);
    }

    /** A history read back from storage must still be a legal walk through the states, in time order. */
    private static void requireChained(Version version, List<Transition> history) {
        for (int i = 1; i < history.size(); i++) {
            Transition before = history.get(i - 1);
            Transition step = history.get(i);
            if (step.from() != before.to() || !step.from().canMoveTo(step.to()) || step.at().isBefore(before.at())) {
                throw new InvalidReleaseException("history of " + version + " breaks at entry " + (i + 1) + ": "
                        + step.from() + " -> " + step.to() + " after " + before.to() + " at " + before.at());
            }
        }
    }

    /** A new release as built: state candidate, history one entry long. */
    public static Release candidate(Version version, String commit, String buildId, Version sdkVersion, List<String> arches,
            List<String> vendors, PipelineInputs pipeline, Optional<String> requestedBy, String actor, String reason,
            Instant now) {
        requireOfficial(version);
        return new Release(version, Tag.release(version), commit, buildId, sdkVersion, arches, vendors, pipeline, requestedBy,
                List.of(Transition.created(actor, reason, now)));
    }

    public ReleaseState state() {
        return history.getLast().to();
    }

    /** The channel the version's minor encodes. */
    public Channel channel() {
        return version.channel();
    }

    /** When it was first published; the start of its soak in its channel. */
    public Optional<Instant> publishedAt() {
        return history.stream().filter(t -> t.to() == ReleaseState.PUBLISHED).map(Transition::at).findFirst();
    }

    /** Every gate holds. */
    public Change markReady(String actor, String reason, Instant now) {
        return move(ReleaseState.READY, actor, reason, now);
    }

    /** A later failing report revoked a gate of a ready release: collecting again. */
    public Change revokeReadiness(String actor, String reason, Instant now) {
        return move(ReleaseState.CANDIDATE, actor, reason, now);
    }

    /** A gate failed before publishing. */
    public Change reject(String actor, String reason, Instant now) {
        return move(ReleaseState.REJECTED, actor, reason, now);
    }

    /** Served in its channel; only a ready release may be, so gates always held at that moment. */
    public Change publish(String actor, String reason, Instant now) {
        return move(ReleaseState.PUBLISHED, ReleaseState.READY, actor, reason, now);
    }

    /** A newer release of the same channel was published. */
    public Change supersede(String actor, String reason, Instant now) {
        return move(ReleaseState.SUPERSEDED, actor, reason, now);
    }

    /** A rollback made this superseded release current again. */
    public Change reinstate(String actor, String reason, Instant now) {
        return move(ReleaseState.PUBLISHED, ReleaseState.SUPERSEDED, actor, reason, now);
    }

    /** Taken back for good. */
    public Change withdraw(String actor, String reason, Instant now) {
        return move(ReleaseState.WITHDRAWN, actor, reason, now);
    }

    private Change move(ReleaseState to, String actor, String reason, Instant now) {
        return move(to, state(), actor, reason, now);
    }

    /** {@code requiredFrom}: publish and reinstate both lead to published, each from its own state only. */
    private Change move(ReleaseState to, ReleaseState requiredFrom, String actor, String reason, Instant now) {
        ReleaseState from = state();
        if (from != requiredFrom || !from.canMoveTo(to)) {
            throw new IllegalReleaseTransitionException(version.toString(), from, to);
        }
        if (now.isBefore(history.getLast().at())) {
            throw new InvalidReleaseException("transition of " + version + " at " + now + " is before its last one at "
                    + history.getLast().at());
        }
        Transition transition = new Transition(from, to, actor, reason, now);
        List<Transition> next = new ArrayList<>(history);
        next.add(transition);
        return new Change(new Release(version, tag, commit, buildId, sdkVersion, arches, vendors, pipeline, requestedBy, next), transition);
    }

    private static void requireOfficial(Version version) {
        Objects.requireNonNull(version, "version");
        if (!version.official() || version.channel() == null) {
            throw new InvalidReleaseException(version + " is not an official release version MMMM.m.p with minor 0 to 3");
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidReleaseException("a release needs its " + what);
        }
    }
}
