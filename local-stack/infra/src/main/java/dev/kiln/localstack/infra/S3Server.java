package dev.kiln.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** An S3-compatible server (s3proxy with its filesystem blobstore) in its own JVM. */
public final class S3Server implements AutoCloseable {

    private static final String MAIN = "dev.kiln.localstack.s3.S3ProxyMain";

    private final ManagedProcess process;
    private final int port;
    private final String accessKey;
    private final String secretKey;

    private S3Server(ManagedProcess process, int port, String accessKey, String secretKey) {
        this.process = process;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts the server on {@code port}, storing objects under {@code dataDir}. */
    public static S3Server start(Path dataDir, int port, String accessKey, String secretKey, List<String> jvmOptions) {
        Path blobs = dataDir.resolve("blobs");
        Path config = dataDir.resolve("s3proxy.conf");
        try {
            Files.createDirectories(blobs);
            Files.writeString(config, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + accessKey,
                    "s3proxy.credential=" + secretKey,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.identity=" + accessKey,
                    "jclouds.credential=" + secretKey,
                    "jclouds.filesystem.basedir=" + blobs,
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dataDir, e);
        }
        List<String> command = JavaLaunch.command("s3proxy-launcher.classpath", jvmOptions, MAIN,
                List.of("--properties", config.toString()));
        ManagedProcess process = ManagedProcess.start("s3proxy", command, dataDir,
                dataDir.resolveSibling(dataDir.getFileName() + ".log"), Map.of(), "TERM");
        process.awaitPort(port, Duration.ofSeconds(60));
        return new S3Server(process, port, accessKey, secretKey);
    }

    public static List<String> testJvmOptions() {
        return List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
