/** Scheduled work: the sweep of stale uploads and unfinished writes, and scheduled garbage collection. */
package dev.kiln.artifact.jobs;
