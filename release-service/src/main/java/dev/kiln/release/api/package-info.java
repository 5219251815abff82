/** REST resources of the release-service: requests, responses and their mapping to the domain. */
package dev.kiln.release.api;
