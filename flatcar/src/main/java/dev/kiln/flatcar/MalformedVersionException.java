package dev.kiln.flatcar;

/** A version, tag or version.txt that cannot be read; the message says why. */
public class MalformedVersionException extends RuntimeException {

    private final String input;

    public MalformedVersionException(String input, String reason) {
        super(reason);
        this.input = input;
    }

    /** What was given, as given. */
    public String input() {
        return input;
    }
}
