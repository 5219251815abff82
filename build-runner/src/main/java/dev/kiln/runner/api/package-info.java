/** REST resources of the build-runner: requests, responses and their mapping to the domain. */
package dev.kiln.runner.api;
