/** REST clients of version-service and artifact-service, behind the domain's ports, with bounded retries. */
package dev.kiln.runner.client;
