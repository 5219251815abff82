package dev.kiln.version.git;

import dev.kiln.version.config.VersionConfig;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link VersionConfig} outside Quarkus, for adapter tests: the defaults of application.properties plus overrides. */
final class TestConfigs {

    private TestConfigs() {
    }

    static VersionConfig config(String url, Path workDir, Map<String, Object> gitOverrides) {
        Map<String, Object> git = new HashMap<>(Map.of("authorName", "flatcar-ci", "authorEmail", "infra+ci@flatcar-linux.org",
                "token", Optional.empty(), "tokenUser", "x-access-token", "sshKey", Optional.empty(), "sshKnownHosts", Optional.empty(),
                "timeout", Duration.ofSeconds(30), "atomicPush", true, "localServer", VersionConfig.LocalServer.JGIT,
                "repackAfterObjects", 2000L));
        git.putAll(gitOverrides);
        Map<String, Object> signing = Map.of("tags", VersionConfig.SignedTags.NONE, "keyFile", Optional.empty(),
                "passphrase", Optional.empty(), "keyId", Optional.empty());
        Map<String, Object> root = new HashMap<>(Map.of("scriptsRepoUrl", url, "workDir", workDir,
                "versionFile", "sdk_container/.repo/manifests/version.txt", "mainBranch", "main", "releaseBranchPrefix", "flatcar-",
                "epoch", LocalDate.of(2013, 7, 1), "pushAttempts", 5, "lockTimeout", Duration.ofSeconds(60),
                "abandonedAfter", Duration.ofMinutes(15), "settleEvery", Duration.ofMinutes(5)));
        root.put("git", proxy(VersionConfig.Git.class, git));
        root.put("signing", proxy(VersionConfig.Signing.class, signing));
        return proxy(VersionConfig.class, root);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().equals("toString")) {
                return type.getSimpleName() + values;
            }
            if (!values.containsKey(method.getName())) {
                throw new IllegalStateException("no test value for " + type.getSimpleName() + "." + method.getName());
            }
            return values.get(method.getName());
        });
    }
}
