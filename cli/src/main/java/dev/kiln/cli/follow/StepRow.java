package dev.kiln.cli.follow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One line of the live table: a step run, its state, its attempt and how long it has run. */
public record StepRow(String run, String state, int attempt, String duration) {

    public static List<StepRow> of(JsonNode build, Instant now) {
        List<StepRow> rows = new ArrayList<>();
        for (JsonNode step : build.path("steps")) {
            rows.add(ofStep(step, now));
        }
        return rows;
    }

    public static StepRow ofStep(JsonNode step, Instant now) {
        return new StepRow(step.path("run").asText(), step.path("state").asText(), step.path("attempt").asInt(0),
                duration(step, now));
    }

    /** From start to finish, or to now while it runs; "-" before it started. */
    public static String duration(JsonNode document, Instant now) {
        String started = document.path("startedAt").asText(null);
        if (started == null) {
            return "-";
        }
        String finished = document.path("finishedAt").asText(null);
        Duration took = Duration.between(Instant.parse(started), finished == null ? now : Instant.parse(finished));
        return format(took.isNegative() ? Duration.ZERO : took);
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /** What the plain view compares: a change of duration alone is not worth a line. */
    String change() {
        return state + " " + attempt;
    }
}
