package dev.kiln.runner.domain.build;

import dev.kiln.common.error.DomainException;
import java.util.List;

/** A build request the pipeline cannot run (422); {@code slug} names the rule it broke. */
public class InvalidBuildRequestException extends DomainException {

    public InvalidBuildRequestException(String slug, String message) {
        super(Kind.ILLEGAL, slug, message);
    }

    /** A refusal that names the request's {@code fields} at fault, so that the problem lists them. */
    public InvalidBuildRequestException(String slug, String message, List<FieldError> fields) {
        super(Kind.ILLEGAL, slug, null, message, fields, null, null);
    }
}
