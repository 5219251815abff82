package dev.kiln.runner.domain.build;

/** A command that the build's current state does not allow (cancel a finished build, resume a running one). */
public class BuildTransitionException extends RuntimeException {

    private final String slug;

    public BuildTransitionException(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
