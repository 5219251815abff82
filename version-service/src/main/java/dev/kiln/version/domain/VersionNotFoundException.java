package dev.kiln.version.domain;

import dev.kiln.common.error.DomainException;

/** No allocation or tag of that name. */
public class VersionNotFoundException extends DomainException {

    public VersionNotFoundException(String message) {
        super(Kind.NOT_FOUND, "version-not-found", message);
    }
}
