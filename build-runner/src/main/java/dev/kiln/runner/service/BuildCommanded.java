package dev.kiln.runner.service;

import dev.kiln.runner.domain.build.Build;
import dev.kiln.runner.domain.build.ReconcileResult;

/** Fired inside a command's transaction; the engine carries out {@code result} once it committed. */
record BuildCommanded(Build build, ReconcileResult result) {
}
