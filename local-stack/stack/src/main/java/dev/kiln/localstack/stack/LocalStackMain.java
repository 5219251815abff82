package dev.kiln.localstack.stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;

/**
 * {@code up --repo-root DIR --data-dir DIR [--port-<component>=N ...]}: starts the local stack, prints
 * its URLs and keeps running until SIGINT/SIGTERM, then stops everything in order. Started by
 * {@code ./kiln-local up}, which also handles {@code --detach}, {@code down} and {@code status}.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        StackOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kiln-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.dataDir());
        try (FileChannel lockFile = FileChannel.open(options.dataDir().resolve("stack.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                System.err.println("kiln-local: a stack is already running on " + options.dataDir());
                System.exit(1);
            }
            run(options);
        }
    }

    private static void run(StackOptions options) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack stack;
        try {
            stack = LocalStack.start(options, System.out);
        } catch (RuntimeException e) {
            System.err.println("kiln-local: the stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Kiln...");
            stack.close();
            System.out.println("Kiln stopped.");
            stopped.countDown();
        }, "kiln-local-stop"));
        stack.printSummary();
        StackControl.startFor(stack, options.dataDir());
        System.out.println("KILN READY");
        System.out.flush();
        stopped.await();
    }

    static StackOptions parse(String[] args) {
        if (args.length == 0 || !args[0].equals("up")) {
            throw new IllegalArgumentException("usage: up --repo-root DIR --data-dir DIR [--port-<component>=N]");
        }
        Path repoRoot = null;
        Path dataDir = null;
        StackPorts ports = new StackPorts();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--repo-root") && i + 1 < args.length) {
                repoRoot = Path.of(args[++i]).toAbsolutePath().normalize();
            } else if (arg.equals("--data-dir") && i + 1 < args.length) {
                dataDir = Path.of(args[++i]).toAbsolutePath().normalize();
            } else if (arg.startsWith("--port-") && arg.contains("=")) {
                String component = arg.substring("--port-".length(), arg.indexOf('='));
                ports.set(component, parsePort(arg.substring(arg.indexOf('=') + 1)));
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if (repoRoot == null || dataDir == null) {
            throw new IllegalArgumentException("--repo-root and --data-dir are required");
        }
        return new StackOptions(repoRoot, dataDir, ports);
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + value);
        }
    }
}
