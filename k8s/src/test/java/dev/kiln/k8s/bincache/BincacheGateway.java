package dev.kiln.k8s.bincache;

import dev.kiln.localstack.infra.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway of {@code k8s/bincache} on this machine: its entrypoint renders the configuration, then the
 * shipped nginx.conf and sshd_config run with only their ports and file locations moved into a temp dir.
 * The local stack's end-to-end test runs it in front of the real artifact-service too (test-jar).
 */
public final class BincacheGateway implements AutoCloseable {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    /** What a command printed and how it ended. */
    public record Result(int exit, String stdout, String stderr) {

        Result orThrow(String what) {
            if (exit != 0) {
                throw new IllegalStateException("could not " + what + ": " + stderr);
            }
            return this;
        }
    }

    private final Path files;
    private final Path dir;
    private final Path state;
    private final int sshPort = FreePorts.next();
    private final int httpPort = FreePorts.next();
    private final int httpsPort = FreePorts.next();
    private final List<Process> daemons = new ArrayList<>();

    /**
     * @param files the gateway's files ({@code k8s/bincache})
     * @param dir a scratch directory for keys, certificate, configuration and spool
     * @param cacheUrl the cache's base URL ({@code .../cache})
     * @param token the upload token the gateway presents
     */
    public BincacheGateway(Path files, Path dir, String cacheUrl, String token) throws IOException {
        this.files = files.toAbsolutePath();
        this.dir = dir;
        this.state = dir.resolve("state");
        Files.writeString(dir.resolve("token"), token + "\n");
        makeKeys();
        run(List.of(this.files.resolve("kiln-bincache-gateway").toString()), Map.of("KILN_CACHE_URL", cacheUrl,
                "KILN_BINCACHE_ETC", this.files.toString(), "KILN_BINCACHE_STATE", state.toString(),
                "KILN_CACHE_TOKEN_FILE", dir.resolve("token").toString(),
                "KILN_BINCACHE_TLS_DIR", dir.resolve("tls").toString(), "KILN_BINCACHE_RENDER_ONLY", "1"))
                .orThrow("render the gateway's configuration");
        try {
            startNginx();
            startSshd();
            awaitPorts(sshPort, httpPort, httpsPort);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public Path spool() {
        return state.resolve("spool");
    }

    public Path caCertificate() {
        return dir.resolve("tls/tls.crt");
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String httpsUrl() {
        return "https://localhost:" + httpsPort;
    }

    /** The ssh command line of Flatcar's gen_sshcmd, plus this gateway's port and the test key. */
    public String sshCommand() {
        return "ssh -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null"
                + " -o NumberOfPasswordPrompts=0 -o LogLevel=ERROR -p " + sshPort + " -i " + dir.resolve("client_key");
    }

    public String login() {
        return System.getProperty("user.name") + "@127.0.0.1";
    }

    public Result ssh(String remoteCommand) {
        List<String> command = new ArrayList<>(List.of(sshCommand().split(" ")));
        command.add(login());
        command.add(remoteCommand);
        return run(command, Map.of());
    }

    /** {@code rsync --partial -a -e <ssh> <args>}, as copy_to_buildcache runs it. */
    public Result rsync(List<String> args) {
        List<String> command = new ArrayList<>(List.of("rsync", "--partial", "-a", "-e", sshCommand()));
        command.addAll(args);
        return run(command, Map.of());
    }

    public Result curl(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error"));
        command.addAll(List.of(args));
        return run(command, Map.of());
    }

    private void makeKeys() throws IOException {
        Files.createDirectories(dir.resolve("tls"));
        run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", dir.resolve("tls/tls.key").toString(), "-out", caCertificate().toString(), "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"), Map.of())
                .orThrow("make a TLS certificate");
        for (String key : List.of("host_key", "client_key")) {
            run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve(key).toString()), Map.of())
                    .orThrow("make an ssh key");
        }
        Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
    }

    private void startNginx() throws IOException {
        Path conf = state.resolve("nginx.conf");
        Files.writeString(conf, Files.readString(conf).replace("listen 8080;", "listen 127.0.0.1:" + httpPort + ";")
                .replace("listen 8443 ssl;", "listen 127.0.0.1:" + httpsPort + " ssl;"));
        // As root, nginx's workers would otherwise switch to nobody, who cannot enter the temp dir.
        String globals = "daemon off;" + (ROOT ? " user root;" : "");
        daemons.add(start(List.of("nginx", "-p", state + "/", "-c", conf.toString(), "-g", globals), "nginx"));
    }

    private void startSshd() throws IOException {
        String config = Files.readString(files.resolve("sshd_config"))
                .replaceAll("(?m)^Port .*$", "Port " + sshPort + "\nListenAddress 127.0.0.1")
                .replaceAll("(?m)^HostKey .*$", "HostKey " + dir.resolve("host_key"))
                .replaceAll("(?m)^PidFile .*$", "PidFile " + dir.resolve("sshd.pid"))
                .replaceAll("(?m)^AuthorizedKeysFile .*$", "AuthorizedKeysFile " + dir.resolve("authorized_keys"))
                .replaceAll("(?m)^SetEnv .*$", "SetEnv KILN_BINCACHE_CONFIG=" + state.resolve("gateway.conf"))
                .replaceAll("(?m)^ForceCommand .*$", "ForceCommand " + files.resolve("kiln-bincache-command"));
        if (ROOT) {
            config = config.replaceAll("(?m)^PermitRootLogin .*$", "PermitRootLogin yes");
            Files.createDirectories(Path.of("/run/sshd"));
        }
        Path file = dir.resolve("sshd_config");
        Files.writeString(file, config);
        daemons.add(start(List.of(sshd(), "-D", "-e", "-f", file.toString()), "sshd"));
    }

    private static String sshd() {
        return Files.isExecutable(Path.of("/usr/sbin/sshd")) ? "/usr/sbin/sshd" : "sshd";
    }

    private Process start(List<String> command, String name) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private void awaitPorts(int... ports) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        for (int port : ports) {
            while (!listening(port)) {
                if (Instant.now().isAfter(deadline) || daemons.stream().anyMatch(p -> !p.isAlive())) {
                    throw new IllegalStateException("the gateway did not start: " + logs());
                }
                sleep();
            }
        }
    }

    public String logs() {
        StringBuilder logs = new StringBuilder();
        for (String name : List.of("nginx", "sshd")) {
            try {
                logs.append('\n').append(name).append(": ").append(Files.readString(dir.resolve(name + ".log")));
            } catch (IOException e) {
                logs.append('\n').append(name).append(": no log");
            }
        }
        return logs.toString();
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Result run(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().putAll(env);
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        daemons.forEach(Process::destroy);
        for (Process daemon : daemons) {
            try {
                daemon.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
