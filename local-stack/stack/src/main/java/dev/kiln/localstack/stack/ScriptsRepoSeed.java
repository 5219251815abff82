package dev.kiln.localstack.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files the local scripts repository starts with: the checkout's {@code local-stack/scripts-repo/}. */
final class ScriptsRepoSeed {

    static final String VERSION_FILE = "sdk_container/.repo/manifests/version.txt";
    private static final String FALLBACK_VERSION_TXT = """
            FLATCAR_VERSION=4799.0.0+nightly-20260821-2100
            FLATCAR_VERSION_ID=4799.0.0
            FLATCAR_BUILD_ID="nightly-20260821-2100"
            FLATCAR_SDK_VERSION=4799.0.0+nightly-20260821-2100
            """;

    private ScriptsRepoSeed() {
    }

    static Map<String, String> files(Path seedDir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(seedDir)) {
            try (Stream<Path> paths = Files.walk(seedDir)) {
                for (Path p : paths.filter(Files::isRegularFile).toList()) {
                    files.put(seedDir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        files.putIfAbsent(VERSION_FILE, FALLBACK_VERSION_TXT);
        return files;
    }
}
