package dev.kiln.runner.bench;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Starts {@link MockClusterMain} in its own JVM and points the runner's Kubernetes client at it. */
public class MockClusterResource implements QuarkusTestResourceLifecycleManager {

    private static Process process;
    private static BufferedReader out;
    private static PrintWriter in;

    @Override
    public Map<String, String> start() {
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    MockClusterMain.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            String url = expect("MOCK ");
            Map<String, String> config = Map.of("kubernetes.master", url, "kubernetes.trust.certificates", "true",
                    "kubernetes.auth.tryKubeConfig", "false", "kubernetes.auth.tryServiceAccount", "false",
                    "kubernetes.namespace", "test", "http2.disable", "true");
            // the Fabric8 client reads these as system properties, like Quarkus' own Kubernetes test resource sets them
            config.forEach(System::setProperty);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a command and returns the rest of the answer line that starts with {@code answer}. */
    static synchronized String ask(String command, String answer) throws IOException {
        in.println(command);
        return expect(answer);
    }

    private static String expect(String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new IOException("the mock cluster exited");
    }

    static long pid() {
        return process.pid();
    }

    @Override
    public void stop() {
        if (process != null) {
            in.close();
            process.destroy();
        }
    }
}
