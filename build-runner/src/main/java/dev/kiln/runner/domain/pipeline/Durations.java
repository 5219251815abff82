package dev.kiln.runner.domain.pipeline;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations pipelines are written with: {@code 90s}, {@code 30m}, {@code 4h}, {@code 1h30m}, {@code 500ms}. */
public final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

    private Durations() {
    }

    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (text == null || text.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 90s, 30m, 4h, 1h30m or 500ms");
        }
        return Duration.ofHours(group(m, 1)).plusMinutes(group(m, 2)).plusSeconds(group(m, 3))
                .plusMillis(group(m, 4));
    }

    private static long group(Matcher m, int i) {
        return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
    }
}
