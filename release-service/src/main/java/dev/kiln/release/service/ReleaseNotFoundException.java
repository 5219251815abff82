package dev.kiln.release.service;

import dev.kiln.common.error.DomainException;

/** No release with that version: never built as an official version, or not a version at all. */
public class ReleaseNotFoundException extends DomainException {

    public static final String SLUG = "release-not-found";

    public ReleaseNotFoundException(String version) {
        super(Kind.NOT_FOUND, SLUG, "no release " + version + "; releases are official versions MMMM.m.p built by Kiln");
    }
}
