package dev.kiln.common.error;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A refusal a domain states in its own words. Its {@link Kind} decides the HTTP status, its {@code slug} the
 * stable problem {@code type} clients switch on; {@code detail} is for people. Plain Java, so domain
 * packages may throw it; one mapper in {@code dev.kiln.common.problem} turns every subclass into problem+json.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal this is; each maps to one HTTP status. */
    public enum Kind {
        /** The request is malformed or a field is wrong (400). */
        INVALID(400, "Invalid request"),
        /** The caller may not do this, whoever they are (403). */
        FORBIDDEN(403, "Forbidden"),
        /** The thing named does not exist (404). */
        NOT_FOUND(404, "Not found"),
        /** The thing is gone for good (410). */
        GONE(410, "Gone"),
        /** The request clashes with the current state; retrying as it is will not help (409). */
        CONFLICT(409, "Conflict"),
        /** Too large to accept (413). */
        TOO_LARGE(413, "Content too large"),
        /** Well-formed, but the domain's rules forbid it (422). */
        ILLEGAL(422, "Unprocessable request"),
        /** A dependency failed or the work is busy: the same request may succeed later (503). */
        UNAVAILABLE(503, "Service unavailable");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }
    }

    /** One field of a request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final Kind kind;
    private final String slug;
    private final String title;
    private final List<FieldError> fields;
    private final Duration retryAfter;

    public DomainException(Kind kind, String slug, String detail) {
        this(kind, slug, null, detail, List.of(), null, null);
    }

    public DomainException(Kind kind, String slug, String detail, Throwable cause) {
        this(kind, slug, null, detail, List.of(), null, cause);
    }

    /**
     * @param title      a title more precise than the kind's, or null for the kind's
     * @param fields     the fields at fault, empty when the request as a whole is
     * @param retryAfter how long a caller should wait before retrying, or null
     */
    protected DomainException(Kind kind, String slug, String title, String detail, List<FieldError> fields,
            Duration retryAfter, Throwable cause) {
        super(detail, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.slug = requireSlug(slug);
        this.title = title;
        this.fields = List.copyOf(fields);
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The stable problem type's last segment, e.g. {@code version-already-allocated}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title != null ? title : kind.title();
    }

    public List<FieldError> fields() {
        return fields;
    }

    /** How long to wait before retrying, when the refusal is temporary and the service knows. */
    public java.util.Optional<Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    private static String requireSlug(String slug) {
        if (slug == null || !slug.equals(slug.toLowerCase(Locale.ROOT)) || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a problem slug is lower-case words joined by '-': " + slug);
        }
        return slug;
    }
}
