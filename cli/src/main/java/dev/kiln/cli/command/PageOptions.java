package dev.kiln.cli.command;

import dev.kiln.cli.http.Query;
import picocli.CommandLine.Option;

/** {@code --page} and {@code --size} of the paged lists ({@code {items, page, size, total}}). */
public final class PageOptions {

    @Option(names = "--page", paramLabel = "N", description = "Page, from 0.")
    Integer page;

    @Option(names = "--size", paramLabel = "N", description = "Items per page (1-500; the service's default is 50).")
    Integer size;

    Query addTo(Query query) {
        return query.add("page", page).add("size", size);
    }
}
