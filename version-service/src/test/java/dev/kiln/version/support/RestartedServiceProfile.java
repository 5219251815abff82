package dev.kiln.version.support;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A boot on a work directory that an earlier run left a clone of the scripts repository in, as every restart
 * of the service on the same data dir is: {@link ScriptsRepoResource} puts the clone there before the boot.
 */
public class RestartedServiceProfile implements QuarkusTestProfile {

    /** Where the service keeps its clone inside kiln.version.work-dir. */
    public static final String CLONE = "scripts.git";
}
