package dev.kiln.cli.http;

/** Ends a command with a one-line message on stderr and the given exit code (see {@link ExitCodes}). */
public class KilnCliException extends RuntimeException {

    private final int exitCode;

    public KilnCliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public KilnCliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
