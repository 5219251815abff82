package dev.kiln.localstack.stack;

import java.nio.file.Path;

/**
 * Where the stack keeps its data, where the Kiln checkout is (for the packaged services and the seed of
 * the scripts repository), and its ports.
 */
public record StackOptions(Path repoRoot, Path dataDir, StackPorts ports) {

    public Path serviceJar(Component service) {
        return repoRoot.resolve(service.id()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public Path scriptsRepoSeed() {
        return repoRoot.resolve("local-stack/scripts-repo");
    }

    public Path adminTokenFile() {
        return dataDir.resolve("admin.token");
    }

    public Path stateFile() {
        return dataDir.resolve("stack.env");
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }
}
