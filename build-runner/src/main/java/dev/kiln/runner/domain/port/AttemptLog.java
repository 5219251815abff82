package dev.kiln.runner.domain.port;

import java.io.InputStream;

/** An attempt's output as an executor has it, or why it has none. */
public sealed interface AttemptLog {

    /** The output so far (all of it once the attempt has ended); the reader closes it. */
    record Available(InputStream stream) implements AttemptLog {
    }

    /** There is no output to read, and will be none: {@code reason} says why, for people. */
    record Missing(String reason) implements AttemptLog {
    }
}
