package dev.kiln.clients.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One entry of a cache directory listing as artifact-service answers {@code GET /cache/<dir>/} with
 * {@code Accept: application/json} (nginx's {@code autoindex_format json}): its name, {@code file} or
 * {@code directory}, and a file's size.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CacheEntry(String name, String type, Long size) {

    public boolean directory() {
        return "directory".equals(type);
    }
}
