/** The console's configuration and its wiring. */
package dev.kiln.console.config;
