/** REST resources of the artifact-service: requests, responses and their mapping to the domain. */
package dev.kiln.artifact.api;
