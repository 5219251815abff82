/** Adapters from release-service's ports to the other Kiln services' clients. */
package dev.kiln.release.client;
