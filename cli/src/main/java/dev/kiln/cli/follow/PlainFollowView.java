package dev.kiln.cli.follow;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** For pipes and CI logs: one line per change of the build's or a run's state or attempt, nothing else. */
public final class PlainFollowView implements FollowView {

    private final PrintWriter out;
    private final Clock clock;
    private final Map<String, String> shown = new HashMap<>();
    private String buildState;

    public PlainFollowView(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void show(JsonNode build) {
        String state = build.path("state").asText();
        if (!state.equals(buildState)) {
            buildState = state;
            out.printf("%s build %s %s%s%n", clock.instant(), build.path("id").asText(), state,
                    build.hasNonNull("tag") ? " " + build.path("tag").asText() : "");
        }
        for (StepRow row : StepRow.of(build, clock.instant())) {
            if (!row.change().equals(shown.put(row.run(), row.change()))) {
                out.printf("%s %s %s attempt %d %s%n", clock.instant(), row.run(), row.state(), row.attempt(),
                        row.duration());
            }
        }
        out.flush();
    }

    @Override
    public void trouble(String message) {
        out.printf("%s %s (retrying)%n", clock.instant(), message);
        out.flush();
    }
}
