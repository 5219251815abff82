package dev.kiln.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** artifact-service's directory listing entries (nginx autoindex JSON) and index entries. */
public final class Cache {

    private Cache() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String name, String type, String mtime, Long size) {

        public boolean directory() {
            return "directory".equals(type);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Artifact(String path, String url, String area, String version, String arch, long size, String sha256,
            String contentType, Instant createdAt, String uploadedBy, boolean generated) {
    }
}
