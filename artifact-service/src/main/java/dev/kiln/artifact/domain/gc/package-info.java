/** Garbage collection of the cache by Flatcar's retention policy: the pure policy, its plan and its runs. */
package dev.kiln.artifact.domain.gc;
