/** Kiln's web console: pages over the four services' APIs, live updates from their events. */
package dev.kiln.console;
