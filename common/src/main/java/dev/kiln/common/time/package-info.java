/** The injected clock: every "now" in Kiln comes from here, in UTC, so tests can fix it. */
package dev.kiln.common.time;
