/** Adapters from release-service's ports to the shared clients of artifact-service, version-service and build-runner. */
package dev.kiln.release.client;
