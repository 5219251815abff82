package dev.kiln.cli.http;

/** The services a context points at; the id is the one the local stack and the docs use. */
public enum Service {
    VERSION_SERVICE("version-service"),
    BUILD_RUNNER("build-runner"),
    ARTIFACT_SERVICE("artifact-service"),
    RELEASE_SERVICE("release-service");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The variable {@code kiln-local} writes this service's URL to in {@code stack.env}. */
    public String stackEnvVariable() {
        return "KILN_" + name() + "_URL";
    }
}
