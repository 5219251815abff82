/** Adapters from the promotion ports to the shared clients of version-service and build-runner. */
package dev.kiln.release.client;
