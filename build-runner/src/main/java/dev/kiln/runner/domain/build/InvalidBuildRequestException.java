package dev.kiln.runner.domain.build;

/** A build request the pipeline cannot run; {@code slug} names the rule it broke. */
public class InvalidBuildRequestException extends RuntimeException {

    private final String slug;

    public InvalidBuildRequestException(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
