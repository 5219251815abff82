package dev.kiln.version.domain;

/** No allocation or tag of that name. */
public class VersionNotFoundException extends RuntimeException {

    public VersionNotFoundException(String message) {
        super(message);
    }
}
