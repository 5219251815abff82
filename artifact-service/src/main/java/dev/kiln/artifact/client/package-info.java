/** REST clients of other Kiln services: version-service's version list and tag deletion. */
package dev.kiln.artifact.client;
