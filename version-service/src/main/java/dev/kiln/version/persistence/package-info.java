/** Allocation records in the version_service schema (Panache), their events through the outbox, and the allocation lock. */
package dev.kiln.version.persistence;
