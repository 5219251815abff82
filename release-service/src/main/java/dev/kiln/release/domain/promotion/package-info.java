/** Whether a request for a new release (new major, promotion, patch) may go ahead, wait in its lane's queue, or is refused. */
package dev.kiln.release.domain.promotion;
