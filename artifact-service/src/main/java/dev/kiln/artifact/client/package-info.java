/** Adapters from the domain's ports to other Kiln services, over the shared clients of {@code dev.kiln.clients}. */
package dev.kiln.artifact.client;
