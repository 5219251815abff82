package dev.kiln.version.support;

import dev.kiln.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives the service under test a seeded bare scripts remote (file://), a fresh work directory for its clone
 * and an OpenPGP key for signing release tags. Under {@link BenchmarkProfile} the remote instead holds
 * {@link BenchmarkProfile#TAGS} nightly tags; under {@link RestartedServiceProfile} the work directory already
 * holds a clone, as after a restart.
 */
public class ScriptsRepoResource implements QuarkusTestResourceLifecycleManager {

    private boolean benchmark;
    private boolean restarted;

    @Override
    public void setContext(Context context) {
        benchmark = BenchmarkProfile.class.getName().equals(context.testProfile());
        restarted = RestartedServiceProfile.class.getName().equals(context.testProfile());
    }

    @Override
    public Map<String, String> start() {
        ScriptsRemote remote = ScriptsRemote.create(TestInfrastructure.newDirectory("scripts-remote").resolve("scripts.git"));
        if (benchmark) {
            FlatcarHistory.seedWithNightlies(remote, BenchmarkProfile.TAGS);
        } else {
            FlatcarHistory.seed(remote);
        }
        Path key = TestSigningKey.write(TestInfrastructure.newDirectory("signing").resolve("signing-key.asc"));
        Path workDir = TestInfrastructure.newDirectory("version-work");
        if (restarted) {
            remote.cloneInto(workDir.resolve(RestartedServiceProfile.CLONE));
        }
        return Map.of(
                "kiln.version.scripts-repo-url", remote.url(),
                "kiln.version.work-dir", workDir.toString(),
                "kiln.version.signing.key-file", key.toString(),
                "kiln.version.signing.passphrase", TestSigningKey.PASSPHRASE);
    }

    @Override
    public void stop() {
        // the directories live under the test-infra root, which is deleted when the JVM exits
    }
}
