/** The runner's adapters over the shared artifact-service and version-service clients, behind the domain's ports. */
package dev.kiln.runner.client;
