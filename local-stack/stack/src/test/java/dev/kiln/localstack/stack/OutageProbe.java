package dev.kiln.localstack.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One round of a caller's requests to every service, reads and writes, as they answer during an outage: status,
 * content type, problem type and how long each took. Writes carry a marker, so the test can look for anything they
 * left behind afterwards.
 */
final class OutageProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Longer than any answer should take: a request that hangs this long counts as a hang (status 0). */
    static final Duration HANG = Duration.ofSeconds(20);

    private final KilnLocal kiln;
    private final String token;

    OutageProbe(KilnLocal kiln, String token) {
        this.kiln = kiln;
        this.token = token;
    }

    /** One answer: {@code status} 0 when none came within {@link #HANG}. */
    record Answer(String request, int status, String contentType, String body, long millis) {
        @Override
        public String toString() {
            return request + " -> " + status + " " + contentType + " in " + millis + " ms: " + body;
        }
    }

    /** Sends one read and, where the service takes writes, one write marked {@code marker} to each service. */
    List<Answer> round(String marker) {
        String versions = kiln.serviceUrl("version-service");
        String runner = kiln.serviceUrl("build-runner");
        String artifacts = kiln.serviceUrl("artifact-service");
        String releases = kiln.serviceUrl("release-service");
        List<Answer> answers = new ArrayList<>();
        answers.add(send("GET versions", get(versions + "/api/v1/versions")));
        answers.add(send("POST versions", post(versions + "/api/v1/versions",
                "{\"kind\":\"dev\",\"suffix\":\"" + marker + "\"}")));
        answers.add(send("GET builds", get(runner + "/api/v1/builds")));
        answers.add(send("POST builds", post(runner + "/api/v1/builds", "{\"pipeline\":\"" + GatedNightly.PIPELINE
                + "\",\"kind\":\"dev\",\"branch\":\"main\",\"suffix\":\"" + marker + "\",\"arches\":[\"amd64\"]}")));
        answers.add(send("GET artifacts", get(artifacts + "/api/v1/artifacts")));
        answers.add(send("PUT cache", request(artifacts + "/cache/testing/" + marker + "/probe.txt")
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("written during an outage\n"))));
        answers.add(send("GET promotions", get(releases + "/api/v1/promotions")));
        return answers;
    }

    private HttpRequest.Builder get(String url) {
        return request(url).header("Accept", "application/json").GET();
    }

    private HttpRequest.Builder post(String url, String json) {
        return request(url).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).timeout(HANG);
    }

    private static Answer send(String name, HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(name, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().replaceAll("\\s+", " "), (System.nanoTime() - start) / 1_000_000);
        } catch (java.io.IOException e) {
            return new Answer(name, 0, "", e.toString(), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
