package dev.kiln.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of a Kiln list endpoint ({@code {items, page, size, total}}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> items, int page, int size, long total) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public int previousPage() {
        return Math.max(0, page - 1);
    }

    public int nextPage() {
        return page + 1;
    }
}
