package dev.kiln.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child JVM whose classpath is described by a {@code *.classpath} resource
 * (written at build time by the launcher modules): the jar holding that resource plus the listed jars.
 */
final class JavaLaunch {

    private JavaLaunch() {
    }

    static List<String> command(String classpathResource, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath(classpathResource));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static String classpath(String resource) {
        URL url = JavaLaunch.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the classpath; build the local-stack launchers first");
        }
        try (var in = url.openStream()) {
            String listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return codeSourceOf(url, resource) + java.io.File.pathSeparator + listed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String codeSourceOf(URL url, String resource) {
        String external = url.toExternalForm();
        try {
            if (external.startsWith("jar:")) {
                String jar = external.substring("jar:".length(), external.indexOf("!/"));
                return Path.of(new java.net.URI(jar)).toString();
            }
            Path file = Path.of(url.toURI());
            Path root = file;
            for (int i = 0; i < Path.of(resource).getNameCount(); i++) {
                root = root.getParent();
            }
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException("unexpected location of " + resource + ": " + url);
            }
            return root.toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unexpected location of " + resource + ": " + url, e);
        }
    }
}
