package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./kiln launcher's start-up cache (docs/cli.md#start-up), on a copy of the launcher and the packaged jars (no
 * sources next to them, so it never builds): the first command trains the cache, later commands load the CLI's
 * classes from it, and a cache that is corrupt or missing leaves the command working on a plain JVM, silently; a
 * rebuilt jar or another JDK makes it train again. Which classes came from the cache is read from the JVM's own
 * class-loading log ({@code KILN_CLI_JAVA_OPTIONS=-Xlog:class+load}).
 */
class LauncherCacheIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String FROM_THE_CACHE = "dev.kiln.cli.Kiln source: shared objects file";
    private static final String FROM_THE_JAR = "dev.kiln.cli.Kiln source: file:";

    @TempDir
    static Path install;
    @TempDir
    Path work;

    private static Path target;
    private static Path cache;
    private static Path stamp;

    @BeforeAll
    static void installAndTrain() throws Exception {
        Path jar = ROOT.resolve("cli/target/kiln-cli.jar");
        assumeTrue(Files.exists(jar) && Files.isDirectory(ROOT.resolve("cli/target/lib")),
                "cli/target/kiln-cli.jar is missing: run by failsafe, after package");
        target = Files.createDirectories(install.resolve("cli/target"));
        Files.copy(ROOT.resolve("kiln"), install.resolve("kiln"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(jar, target.resolve("kiln-cli.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(target.resolve("lib"));
        try (var libs = Files.list(ROOT.resolve("cli/target/lib"))) {
            for (Path lib : libs.toList()) {
                Files.copy(lib, target.resolve("lib").resolve(lib.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        boolean aotCache = Runtime.version().feature() >= 25;
        cache = target.resolve(aotCache ? "kiln.aot" : "kiln.jsa");
        stamp = target.resolve(cache.getFileName() + ".stamp");

        Result first = kiln(Map.of(), "--version");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).isEqualTo("kiln 0.1.0\n");
        assertThat(cache).isNotEmptyFile();
        assertThat(Files.readString(stamp)).contains(System.getProperty("java.home"), "kiln-cli.jar");
    }

    @AfterEach
    void theCacheIsBackInPlace() throws IOException {
        Path aside = install.resolve("aside");
        if (Files.exists(aside)) {
            Files.move(aside, cache, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void laterCommandsLoadTheCliFromTheCacheWithoutTrainingAgain() throws Exception {
        FileTime trained = Files.getLastModifiedTime(cache);

        Result help = kiln(classLog(), "--help");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: kiln", "version", "promote");
        assertThat(loadedClasses()).contains(FROM_THE_CACHE, "picocli.CommandLine source: shared objects file");
        assertThat(Files.getLastModifiedTime(cache)).isEqualTo(trained);
    }

    @Test
    void aCorruptCacheIsIgnoredAndTheCommandRunsOnAPlainJvm() throws Exception {
        Files.copy(cache, install.resolve("aside"));
        Files.write(cache, "not a cache".repeat(10_000).getBytes(StandardCharsets.UTF_8));

        Result version = kiln(classLog(), "--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).isEqualTo("kiln 0.1.0\n"); // no warning from the JVM either
        assertThat(loadedClasses()).contains(FROM_THE_JAR).doesNotContain(FROM_THE_CACHE);
    }

    @Test
    void aMissingCacheWhoseTrainingFailedLeavesAPlainJvmWithoutRetrying() throws Exception {
        Files.move(cache, install.resolve("aside")); // the stamp stays: this JDK and these jars were tried

        Result version = kiln(classLog(), "--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).isEqualTo("kiln 0.1.0\n");
        assertThat(loadedClasses()).contains(FROM_THE_JAR);
        assertThat(cache).doesNotExist();
    }

    @Test
    void offRunsAPlainJvm() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(classLog());
        env.put("KILN_CLI_CACHE", "off");

        Result version = kiln(env, "--version");

        assertThat(version.exitCode()).isZero();
        assertThat(loadedClasses()).contains(FROM_THE_JAR);
    }

    @Test
    void aRebuiltJarOrAnotherJdkMakesANewCache() throws Exception {
        Path jar = target.resolve("kiln-cli.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

        Result afterRebuild = kiln(classLog(), "--version");

        assertThat(afterRebuild.exitCode()).as(afterRebuild.output()).isZero();
        assertThat(loadedClasses()).contains(FROM_THE_CACHE);
        String stamped = Files.readString(stamp);
        assertThat(stamped).contains(jar + " " + Files.getLastModifiedTime(jar).toMillis() / 1000 + " ");

        List<String> lines = Files.readAllLines(stamp);
        lines.set(0, "java /usr/lib/jvm/another-jdk JAVA_VERSION=\"25.0.1\"");
        Files.write(stamp, lines);

        Result afterJdkChange = kiln(classLog(), "--version");

        assertThat(afterJdkChange.exitCode()).isZero();
        assertThat(loadedClasses()).contains(FROM_THE_CACHE);
        assertThat(Files.readString(stamp)).isEqualTo(stamped);
    }

    private Map<String, String> classLog() {
        return Map.of("KILN_CLI_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + work.resolve("classes.log"));
    }

    private String loadedClasses() throws IOException {
        return Files.readString(work.resolve("classes.log"));
    }

    record Result(int exitCode, String output) {
    }

    /** The installed launcher; output is stdout and stderr together, so a JVM warning would show. */
    private static Result kiln(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(install.resolve("kiln").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KILN_CONFIG", install.resolve("config").toString());
        builder.environment().remove("KILN_CLI_CACHE");
        builder.environment().remove("KILN_CLI_JAVA_OPTIONS");
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
