/** The runner's adapters over artifact-service and the shared version-service client, behind the domain's ports. */
package dev.kiln.runner.client;
