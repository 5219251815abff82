package dev.kiln.artifact.domain;

/** A request the cache refuses, with the reason the API turns into a status and a stable problem type. */
public class ArtifactException extends RuntimeException {

    /** Why a request was refused; the API maps each to an HTTP status and problem slug. */
    public enum Reason {
        INVALID_PATH,
        INVALID_REQUEST,
        DIGEST_MISMATCH,
        UPLOAD_INCOMPLETE,
        UPLOAD_INTERRUPTED,
        TOO_LARGE,
        CAPACITY_EXHAUSTED,
        NOT_FOUND,
        CONFLICT,
        DEPENDENCY_UNAVAILABLE
    }

    private final Reason reason;
    private final String slug;

    public ArtifactException(Reason reason, String detail) {
        this(reason, null, detail, null);
    }

    public ArtifactException(Reason reason, String detail, Throwable cause) {
        this(reason, null, detail, cause);
    }

    /** {@code slug} names the problem more precisely than the reason does (e.g. {@code gc-run-in-progress}). */
    public ArtifactException(Reason reason, String slug, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
        this.slug = slug;
    }

    public Reason reason() {
        return reason;
    }

    /** The stable problem slug: the precise one if given, else the reason's name in kebab case. */
    public String slug() {
        return slug != null ? slug : reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
