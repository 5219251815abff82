package dev.kiln.release.service;

import dev.kiln.flatcar.Version;

/** A transaction locked or moved this release (a report, an approval, a publication...): its request may move too. */
public record ReleaseTouched(Version version) {
}
