package dev.kiln.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.output.Json;
import java.net.http.HttpHeaders;

/** Turns a refusal (RFC 9457 problem+json, or whatever a proxy sent) into one line and an exit code. */
public final class Problems {

    private Problems() {
    }

    public static KilnCliException toException(String method, String url, int status, HttpHeaders headers, String body) {
        return new KilnCliException(ExitCodes.forStatus(status), describe(method, url, status, headers, body));
    }

    static String describe(String method, String url, int status, HttpHeaders headers, String body) {
        String contentType = headers.firstValue("Content-Type").orElse("");
        if (contentType.contains("json") && body != null && !body.isBlank()) {
            try {
                JsonNode problem = Json.parse(body);
                if (problem.hasNonNull("title")) {
                    return oneLine(problem);
                }
            } catch (KilnCliException notJson) {
                // fall through to the plain description below
            }
        }
        return "HTTP " + status + " from " + method + " " + url;
    }

    private static String oneLine(JsonNode problem) {
        StringBuilder line = new StringBuilder(problem.path("title").asText());
        String detail = problem.path("detail").asText("");
        if (!detail.isBlank()) {
            line.append(": ").append(detail);
        }
        // validation problems name the fields; without them "validation" alone says too little
        StringBuilder fields = new StringBuilder();
        for (JsonNode error : problem.path("errors")) {
            fields.append(fields.isEmpty() ? "" : "; ")
                    .append(error.path("field").asText("?")).append(": ").append(error.path("message").asText(""));
        }
        if (!fields.isEmpty()) {
            line.append(" (").append(fields).append(')');
        }
        return line.toString().replaceAll("\\s*\\R\\s*", " ");
    }
}
