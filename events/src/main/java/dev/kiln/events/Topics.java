package dev.kiln.events;

/** The Kafka topics Kiln's events travel on, one per aggregate family. */
public final class Topics {

    public static final String VERSIONS = "kiln.versions";
    public static final String BUILDS = "kiln.builds";
    public static final String ARTIFACTS = "kiln.artifacts";
    public static final String RELEASES = "kiln.releases";
    public static final String TESTS = "kiln.tests";

    private Topics() {
    }
}
