package dev.kiln.cli.http;

/** The exit codes scripts can rely on; the HTTP status of a refusal decides which one. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The operation ran and failed: a failed build, a server error, a checksum that did not match. */
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    /** A conflict or a request the service refuses as illegal (400, 409, 422). */
    public static final int REFUSED = 4;
    /** No valid token (401) or not the role for it (403). */
    public static final int DENIED = 5;
    public static final int UNREACHABLE = 6;

    private ExitCodes() {
    }

    public static int forStatus(int status) {
        return switch (status) {
            case 400, 409, 422 -> REFUSED;
            case 401, 403 -> DENIED;
            case 404, 410 -> NOT_FOUND;
            default -> FAILED;
        };
    }
}
