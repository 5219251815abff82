package dev.kiln.testing.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hostile request of a corpus and the problem it must get. A corpus is a JSON-lines file: one object per line
 * ({@code name, method, target, headers, body, status, type}); lines starting with {@code #} are comments. In
 * {@code target}, header values and {@code body}, {@code ${repeat:TEXT:N}} stands for TEXT N times (huge values,
 * deep nesting) and {@code ${token:NAME}} for a bearer token the test knows.
 */
public record BadInputCase(String name, String method, String target, Map<String, String> headers, String body, int status,
        String type) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPEAT = Pattern.compile("\\$\\{repeat:(.*?):(\\d+)}");

    @Override
    public String toString() {
        return name;
    }

    /** The request line and headers as they go on the wire, with {@code ${token:NAME}} replaced from {@code tokens}. */
    public String head(Map<String, String> tokens) {
        byte[] bytes = bodyBytes();
        StringBuilder head = new StringBuilder(method).append(' ').append(expand(target, tokens)).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((header, value) -> head.append(header).append(": ").append(expand(value, tokens)).append("\r\n"));
        if (bytes != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** The body as it goes on the wire, or null without one. */
    public byte[] bodyBytes() {
        return body == null ? null : expand(body, Map.of()).getBytes(StandardCharsets.UTF_8);
    }

    /** The cases of the JSON-lines corpus at class-path resource {@code resource}. */
    public static List<BadInputCase> read(String resource) {
        List<BadInputCase> cases = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                Map<String, String> headers = new LinkedHashMap<>();
                node.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
                cases.add(new BadInputCase(node.get("name").asText(), node.path("method").asText("GET"),
                        node.get("target").asText(), headers, node.hasNonNull("body") ? node.get("body").asText() : null,
                        node.get("status").asInt(), node.get("type").asText()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the corpus " + resource + ": " + e.getMessage(), e);
        }
        return cases;
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = BadInputCase.class.getResourceAsStream(resource);
        if (in == null) {
            in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource.replaceFirst("^/", ""));
        }
        if (in == null) {
            throw new IOException("no such resource");
        }
        return in;
    }

    private static String expand(String text, Map<String, String> tokens) {
        Matcher m = REPEAT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        m.appendTail(out);
        String expanded = out.toString();
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            expanded = expanded.replace("${token:" + token.getKey() + "}", token.getValue());
        }
        return expanded;
    }
}
