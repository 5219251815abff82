package dev.kiln.localstack.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./kiln-local demo release [--arches amd64,arm64]}: a new major through alpha, beta and stable on the running
 * local stack (see {@link ReleaseWalk}). Exit code 0 when all three are published, 1 otherwise.
 */
public final class ReleaseWalkMain {

    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(20);

    private ReleaseWalkMain() {
    }

    public static void main(String[] args) {
        Path dataDir = null;
        List<String> arches = List.of("amd64", "arm64");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                case "--arches" -> arches = Arrays.stream(args[i + 1].split(",")).map(String::strip).toList();
                default -> dataDir = null;
            }
        }
        if (dataDir == null || args.length % 2 != 0) {
            System.err.println("usage: ReleaseWalkMain --data-dir DIR [--arches amd64,arm64]");
            System.exit(2);
        }
        StackClient stack = StackClient.of(dataDir);
        ReleaseWalk walk = new ReleaseWalk(new ReleaseApi(stack.url(Component.RELEASE_SERVICE), dataDir), System.out,
                STAGE_TIMEOUT, Duration.ofSeconds(2));
        try {
            walk.run(arches, List.of("qemu_uefi"));
        } catch (ReleaseWalk.WalkFailed e) {
            System.out.println("demo release: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }
}
