package dev.kiln.cli.follow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.output.Ansi;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Redraws the table in place: the cursor goes back up over the previous frame, every line is cleared before it is
 * written again and whatever a longer previous frame left below is erased, so nothing scrolls.
 */
public final class TerminalFollowView implements FollowView {

    private final PrintWriter out;
    private final Clock clock;
    private final boolean colour;
    private final int height;
    private int previousLines;

    /** {@code height}: the terminal's lines, 0 if unknown; the cursor cannot go back up over lines that scrolled. */
    public TerminalFollowView(PrintWriter out, Clock clock, boolean colour, int height) {
        this.out = out;
        this.clock = clock;
        this.colour = colour;
        this.height = height;
    }

    public TerminalFollowView(PrintWriter out, Clock clock, boolean colour) {
        this(out, clock, colour, 0);
    }

    private JsonNode last;

    @Override
    public void show(JsonNode build) {
        last = build;
        draw(frame(build));
    }

    /** The last frame again with the trouble under it, until the next good poll draws over it. */
    @Override
    public void trouble(String message) {
        List<String> lines = last == null ? new ArrayList<>() : frame(last);
        lines.add(paint(message + " (retrying)", "failed"));
        draw(lines);
    }

    private void draw(List<String> lines) {
        StringBuilder screen = new StringBuilder();
        if (previousLines > 0) {
            screen.append('\r').append(Ansi.cursorUp(previousLines));
        }
        for (String line : lines) {
            screen.append(Ansi.CLEAR_LINE).append(line).append('\n');
        }
        screen.append(Ansi.CLEAR_BELOW);
        out.print(screen);
        out.flush();
        previousLines = lines.size();
    }

    List<String> frame(JsonNode build) {
        List<StepRow> all = StepRow.of(build, clock.instant());
        // build line, column header, summary line and the line the cursor rests on
        List<StepRow> rows = height > 0 ? RowsThatFit.select(all, height - 4) : all;
        int runWidth = "RUN".length();
        for (StepRow row : rows) {
            runWidth = Math.max(runWidth, row.run().length());
        }
        List<String> lines = new ArrayList<>();
        String state = build.path("state").asText();
        lines.add("build " + build.path("id").asText() + "  " + build.path("pipeline").asText() + "  "
                + build.path("tag").asText("(version pending)") + "  " + paint(state, state) + "  "
                + StepRow.duration(build, clock.instant()));
        lines.add(String.format("%-" + runWidth + "s   %-9s   %7s   %s", "RUN", "STATE", "ATTEMPT", "DURATION"));
        for (StepRow row : rows) {
            // pad before colouring: escape sequences have no width on screen but count in String.format
            String paddedState = String.format("%-9s", row.state());
            lines.add(String.format("%-" + runWidth + "s   %s   %7d   %s", row.run(), paint(paddedState, row.state()),
                    row.attempt(), row.duration()));
        }
        if (rows.size() < all.size()) {
            lines.add(RowsThatFit.summary(all, rows));
        }
        return lines;
    }

    private String paint(String text, String state) {
        return colour ? Ansi.colour(text, Ansi.forState(state)) : text;
    }
}
