/** The packaged release-service as a process of its own, and the neighbours it calls, served over plain HTTP. */
package dev.kiln.release.process;
