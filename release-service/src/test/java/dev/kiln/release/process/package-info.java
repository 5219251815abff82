/** The neighbours release-service calls, served over plain HTTP for the packaged service running as a process of its own. */
package dev.kiln.release.process;
