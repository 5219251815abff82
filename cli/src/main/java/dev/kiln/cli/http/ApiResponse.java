package dev.kiln.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.output.Json;
import java.net.http.HttpHeaders;

/** A successful answer with its body as the service sent it, so {@code -o json} can print it unchanged. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        return Json.parse(body);
    }
}
