/** REST resources of the artifact-service: requests, responses, and HTTP's own rules (ranges, dates, listings). */
package dev.kiln.artifact.api;
