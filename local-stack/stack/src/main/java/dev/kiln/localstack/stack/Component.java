package dev.kiln.localstack.stack;

/** The four Kiln services and the console, which the local stack runs from their packaged quarkus-app. */
public enum Component {
    VERSION_SERVICE("version-service"),
    BUILD_RUNNER("build-runner"),
    ARTIFACT_SERVICE("artifact-service"),
    RELEASE_SERVICE("release-service"),
    CONSOLE("console");

    private final String id;

    Component(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Environment variable under which other services and scripts find this service's URL. */
    public String urlVariable() {
        return "KILN_" + id.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL";
    }
}
