/** Scheduled work: settling allocations that were interrupted and never retried. */
package dev.kiln.version.jobs;
