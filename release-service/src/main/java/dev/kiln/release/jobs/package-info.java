/** Scheduled work: evaluating open releases again as time passes. */
package dev.kiln.release.jobs;
