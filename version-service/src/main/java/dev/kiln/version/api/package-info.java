/** REST resources of the version-service: requests, responses and their mapping to the domain. */
package dev.kiln.version.api;
