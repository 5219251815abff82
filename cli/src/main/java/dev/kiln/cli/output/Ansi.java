package dev.kiln.cli.output;

/** The few ANSI sequences the CLI uses; every one of them is written only when the stream is a terminal. */
public final class Ansi {

    public static final String RESET = "\u001b[0m";
    /** Erases the whole current line; the cursor stays where it is. */
    public static final String CLEAR_LINE = "\u001b[2K";
    /** Erases from the cursor to the end of the screen: lines left over from a longer previous frame. */
    public static final String CLEAR_BELOW = "\u001b[J";

    private Ansi() {
    }

    public static String cursorUp(int lines) {
        return "\u001b[" + lines + "A";
    }

    public static String colour(String text, int code) {
        return "\u001b[" + code + "m" + text + RESET;
    }

    /** Green for done, red for broken, yellow for busy, grey for nothing to do. */
    public static int forState(String state) {
        return switch (state) {
            case "succeeded" -> 32;
            case "failed", "blocked" -> 31;
            case "running", "starting" -> 33;
            case "cancelled" -> 35;
            default -> 90;
        };
    }
}
