/** build-runner's builds API as other services call it: request and response records and the one client. */
package dev.kiln.clients.build;
