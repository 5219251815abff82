package dev.kiln.release.domain.channel;

/**
 * A call to the channel storage failed. {@code retryable}: the storage was unreachable or busy, so the same call
 * may succeed later; otherwise it refused ({@code slug} says why, e.g. nothing-to-publish) and repeating will not help.
 */
public class ChannelStorageException extends RuntimeException {

    private final String slug;
    private final boolean retryable;

    public ChannelStorageException(String slug, String detail, boolean retryable, Throwable cause) {
        super(detail, cause);
        this.slug = slug;
        this.retryable = retryable;
    }

    public String slug() {
        return slug;
    }

    public boolean retryable() {
        return retryable;
    }
}
