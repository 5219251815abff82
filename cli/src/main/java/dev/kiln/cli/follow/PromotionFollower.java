package dev.kiln.cli.follow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.Cli;
import dev.kiln.cli.http.ExitCodes;
import dev.kiln.cli.http.KilnCliException;
import dev.kiln.cli.http.Query;
import dev.kiln.cli.http.Service;
import java.io.PrintWriter;
import java.util.Set;

/**
 * Polls a release request until it is published, failed or cancelled, printing each state change once as a line
 * (on a terminal as in a CI log: a request runs for days, its changes are a log, not a table to redraw).
 */
public final class PromotionFollower {

    private static final Set<String> FINAL = Set.of("published", "failed", "cancelled");
    /** Failed polls in a row before --follow gives up, as for builds. */
    private static final int PATIENCE = 30;

    private final Cli cli;
    private final PrintWriter out;
    private int printedHistory;
    private String printedState;

    public PromotionFollower(Cli cli) {
        this.cli = cli;
        this.out = cli.out();
    }

    public int follow(String id) {
        String path = "/api/v1/promotions/" + Query.segment(id);
        int failures = 0;
        boolean seen = false;
        while (true) {
            JsonNode promotion;
            try {
                promotion = cli.api().get(Service.RELEASE_SERVICE, path).json();
                failures = 0;
                if (!seen) {
                    out.printf("promotion %s: %s%n", id, describe(promotion));
                }
                seen = true;
            } catch (KilnCliException e) {
                // a release-service restart during a days-long request should not end the watch...
                boolean passing = e.exitCode() == ExitCodes.UNREACHABLE || e.exitCode() == ExitCodes.FAILED;
                // ...but a wrong id or URL is reported at once
                if (!seen || !passing || ++failures > PATIENCE) {
                    throw e;
                }
                out.printf("%s %s (retrying)%n", cli.clock().instant(), e.getMessage());
                out.flush();
                pause();
                continue;
            }
            printChanges(promotion);
            String state = promotion.path("state").asText();
            if (FINAL.contains(state)) {
                if (!"published".equals(state)) {
                    cli.err().println("kiln: promotion " + id + " " + state
                            + (promotion.hasNonNull("reason") ? ": " + promotion.path("reason").asText() : ""));
                }
                return "published".equals(state) ? ExitCodes.OK : ExitCodes.FAILED;
            }
            pause();
        }
    }

    /** "promotion to beta from 4790.0.1", "patch of stable 4593", "new-major". */
    private static String describe(JsonNode promotion) {
        String type = promotion.path("type").asText("?");
        return switch (type) {
            case "promotion" -> "promotion of " + promotion.path("from").asText("?") + " to "
                    + promotion.path("to").asText(promotion.path("channel").asText("?"));
            case "patch" -> "patch of " + promotion.path("channel").asText("?") + " " + promotion.path("major").asText("?");
            default -> type;
        };
    }

    /** The history entries not printed yet; a document without history still shows its state changes. */
    private void printChanges(JsonNode promotion) {
        JsonNode history = promotion.path("history");
        if (history.isArray() && !history.isEmpty()) {
            for (int i = printedHistory; i < history.size(); i++) {
                JsonNode entry = history.get(i);
                out.println(line(entry.path("at").asText(), entry.path("state").asText(), promotion,
                        entry.path("actor").asText(null), entry.path("reason").asText(null)));
            }
            printedHistory = history.size();
        } else if (!promotion.path("state").asText().equals(printedState)) {
            out.println(line(cli.clock().instant().toString(), promotion.path("state").asText(), promotion, null,
                    promotion.path("reason").asText(null)));
        }
        printedState = promotion.path("state").asText();
        out.flush();
    }

    private static String line(String at, String state, JsonNode promotion, String actor, String reason) {
        StringBuilder line = new StringBuilder(at).append(' ').append(state);
        if ("queued".equals(state) && promotion.hasNonNull("queuedBehind")) {
            line.append(" behind ").append(promotion.path("queuedBehind").asText());
        }
        if (actor != null && !actor.isBlank()) {
            line.append(" by ").append(actor);
        }
        if (reason != null && !reason.isBlank()) {
            line.append(": ").append(reason);
        }
        return line.toString();
    }

    private void pause() {
        try {
            Thread.sleep(cli.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KilnCliException(ExitCodes.FAILED, "interrupted");
        }
    }
}
