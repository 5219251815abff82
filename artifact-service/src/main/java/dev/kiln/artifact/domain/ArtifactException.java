package dev.kiln.artifact.domain;

import dev.kiln.common.error.DomainException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** A request the cache refuses: its reason gives the kind (and so the status), a default slug and a title. */
public class ArtifactException extends DomainException {

    /** A full store or a peer that is down usually recovers within seconds: callers are told to come back then. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** Why a request was refused; each is one kind of refusal with a title of its own. */
    public enum Reason {
        INVALID_PATH(Kind.INVALID, "Invalid cache path"),
        INVALID_REQUEST(Kind.INVALID, "Bad request"),
        DIGEST_MISMATCH(Kind.ILLEGAL, "Digest mismatch"),
        UPLOAD_INCOMPLETE(Kind.INVALID, "Incomplete upload"),
        UPLOAD_INTERRUPTED(Kind.INVALID, "Interrupted upload"),
        TOO_LARGE(Kind.TOO_LARGE, "Artifact too large"),
        CAPACITY_EXHAUSTED(Kind.UNAVAILABLE, "Upload capacity exhausted"),
        NOT_FOUND(Kind.NOT_FOUND, "Not found"),
        CONFLICT(Kind.CONFLICT, "Conflict"),
        GONE(Kind.GONE, "Gone"),
        DEPENDENCY_UNAVAILABLE(Kind.UNAVAILABLE, "Dependency unavailable");

        private final Kind kind;
        private final String title;

        Reason(Kind kind, String title) {
            this.kind = kind;
            this.title = title;
        }

        public Kind kind() {
            return kind;
        }

        /** The slug when no more precise one is given: the name in kebab case ({@code digest-mismatch}). */
        String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public ArtifactException(Reason reason, String detail) {
        this(reason, null, detail, null);
    }

    public ArtifactException(Reason reason, String detail, Throwable cause) {
        this(reason, null, detail, cause);
    }

    /** {@code slug} names the problem more precisely than the reason does (e.g. {@code gc-run-in-progress}). */
    public ArtifactException(Reason reason, String slug, String detail, Throwable cause) {
        super(reason.kind(), slug != null ? slug : reason.slug(), reason.title, detail, List.of(),
                reason.kind() == Kind.UNAVAILABLE ? RETRY_AFTER : null, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
