/** A release of Flatcar in one channel, its lifecycle states and the audited transitions between them. */
package dev.kiln.release.domain.release;
