/** The build-runner's configuration, {@code kiln.runner.*}, as typed interfaces. */
package dev.kiln.runner.config;
