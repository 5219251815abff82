package dev.kiln.localstack.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Takes operators' requests to the running launcher ({@code ./kiln-local kill|restart <component>}): the script
 * writes {@code control/<action>-<component>.request}; this loop carries it out and answers in
 * {@code control/<action>-<component>.done} ({@code ok} or {@code error: ...}). A file, not a socket: the
 * launcher already owns the data directory, and nothing new listens on the machine.
 */
final class StackControl implements Runnable {

    private static final List<String> ACTIONS = List.of("kill", "restart");
    private static final long POLL_MILLIS = 200;

    private final LocalStack stack;
    private final Path directory;

    StackControl(LocalStack stack, Path directory) {
        this.stack = stack;
        this.directory = directory;
    }

    static Thread startFor(LocalStack stack, Path dataDir) {
        Path directory = dataDir.resolve("control");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(new StackControl(stack, directory), "kiln-local-control");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try (Stream<Path> requests = Files.list(directory)) {
                requests.filter(p -> p.getFileName().toString().endsWith(".request")).sorted().forEach(this::handle);
                Thread.sleep(POLL_MILLIS);
            } catch (IOException e) {
                System.err.println("kiln-local: control directory unreadable: " + e.getMessage());
                sleepQuietly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handle(Path request) {
        String name = request.getFileName().toString().replace(".request", "");
        String answer;
        try {
            int dash = name.indexOf('-');
            String action = dash < 0 ? name : name.substring(0, dash);
            String component = dash < 0 ? "" : name.substring(dash + 1);
            if (!ACTIONS.contains(action)) {
                throw new IllegalArgumentException("unknown action '" + action + "'; known: " + ACTIONS);
            }
            System.out.println("kiln-local: " + action + " " + component);
            if (action.equals("kill")) {
                stack.kill(component);
            } else {
                stack.restart(component);
            }
            answer = "ok";
        } catch (RuntimeException e) {
            answer = "error: " + e.getMessage();
        }
        System.out.println("kiln-local: " + name + ": " + answer);
        try {
            Path done = directory.resolve(name + ".done");
            Path partial = directory.resolve(name + ".done.tmp");
            Files.writeString(partial, answer + "\n");
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
