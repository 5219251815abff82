package dev.kiln.console.live;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser needs of one Kiln event: its topic, type, key (build id, version, request id) and, for build
 * events, the state it puts a step run or the build in.
 */
public record LiveEvent(String topic, String type, String key, String run, String state) {

    private static final Pattern STEP = Pattern.compile("dev\\.kiln\\.build\\.step\\.([a-z]+)\\.v\\d+");
    private static final Pattern BUILD = Pattern.compile("dev\\.kiln\\.build\\.([a-z]+)\\.v\\d+");

    /** The event as the console shows it; {@code run} is the step run a step event names (null otherwise). */
    public static LiveEvent of(String topic, String type, String key, String run) {
        return new LiveEvent(topic, type, key, run, stateAfter(type).orElse(null));
    }

    /** The state a build event leaves its step run (step events) or build (build events) in. */
    static Optional<String> stateAfter(String type) {
        Matcher step = STEP.matcher(type);
        if (step.matches()) {
            return Optional.of(switch (step.group(1)) {
                case "started" -> "running";
                case "retrying" -> "pending";
                default -> step.group(1);
            });
        }
        Matcher build = BUILD.matcher(type);
        if (build.matches()) {
            return Optional.of(build.group(1).equals("started") ? "running" : build.group(1));
        }
        return Optional.empty();
    }

    public boolean stepEvent() {
        return run != null;
    }

    /** A step run's last word: it will not change again unless the build is resumed. */
    public boolean endsRun() {
        return stepEvent() && state != null && !state.equals("running") && !state.equals("pending");
    }
}
