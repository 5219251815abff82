package dev.kiln.runner.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** {@link MockClusterMain} in a JVM of its own, driven over its stdin and stdout. */
public final class MockCluster implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final String masterUrl;

    public MockCluster() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                MockClusterMain.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        masterUrl = expect("MOCK ");
    }

    /** The Fabric8 client settings that point a runner at this mock API server. */
    public Map<String, String> clientConfig() {
        return Map.of("kubernetes.master", masterUrl, "kubernetes.trust.certificates", "true",
                "kubernetes.auth.tryKubeConfig", "false", "kubernetes.auth.tryServiceAccount", "false",
                "kubernetes.namespace", "test", "http2.disable", "true");
    }

    /** Sends a command and returns the rest of the answer line that starts with {@code answer}. */
    public synchronized String ask(String command, String answer) throws IOException {
        in.println(command);
        return expect(answer);
    }

    private String expect(String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new IOException("the mock cluster exited");
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        in.close();
        process.destroy();
    }
}
