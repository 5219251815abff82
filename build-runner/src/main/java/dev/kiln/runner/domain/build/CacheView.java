package dev.kiln.runner.domain.build;

import java.util.Optional;

/**
 * What the reconciler may know about the build cache during one pass: whether a path (or a file-name glob)
 * exists, or empty when that was not looked up yet. The caller looks up what was missing and passes again.
 */
@FunctionalInterface
public interface CacheView {

    Optional<Boolean> exists(String pathOrGlob);
}
