package dev.kiln.version.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The benchmark's own boot: {@link ScriptsRepoResource} seeds a remote with {@link #TAGS} tags for it. */
public class BenchmarkProfile implements QuarkusTestProfile {

    public static final int TAGS = 5000;
}
