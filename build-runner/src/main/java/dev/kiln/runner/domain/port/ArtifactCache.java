package dev.kiln.runner.domain.port;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** The build cache (artifact-service) as the runner uses it. Failures are {@link PortException}s. */
public interface ArtifactCache {

    /** True when a file exists at {@code path} (HEAD). */
    boolean exists(String path);

    /** The names of the entries directly under directory {@code dir}; empty when it does not exist. */
    List<String> list(String dir);

    /** Stores the stream at {@code path}, replacing what was there; the stream is read to its end. */
    void upload(String path, InputStream content);

    /** Opens the file at {@code path} for streaming, or empty when it does not exist. */
    Optional<InputStream> open(String path);
}
