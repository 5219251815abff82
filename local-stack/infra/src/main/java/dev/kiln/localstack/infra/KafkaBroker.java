package dev.kiln.localstack.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A single-node KRaft Kafka broker in its own JVM (see the kafka-launcher module). */
public final class KafkaBroker implements AutoCloseable {

    private static final String MAIN = "dev.kiln.localstack.kafka.KafkaMain";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    private ManagedProcess process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, List<String> jvmOptions) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.jvmOptions = jvmOptions;
    }

    /** Starts a broker; the data directory is formatted on first use and reused afterwards. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, List<String> jvmOptions) {
        KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort, jvmOptions);
        broker.start();
        return broker;
    }

    /** JVM options for a short-lived test broker: small heap, fast start. */
    public static List<String> testJvmOptions() {
        return List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = JavaLaunch.command("kafka-launcher.classpath", jvmOptions, MAIN,
                List.of(dataDir.toString(), Integer.toString(port), Integer.toString(controllerPort)));
        process = ManagedProcess.start("kafka", command, dataDir.getParent(),
                dataDir.resolveSibling(dataDir.getFileName() + ".log"), Map.of(), "TERM");
        process.awaitLogLine("KAFKA READY 127.0.0.1:" + port + "\n", Duration.ofSeconds(90));
    }

    /** Stops the broker (the data stays); {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        stop();
    }
}
