/** artifact-service's channel-publishing API: its request and response records (the server's own) and the one client release-service uses. */
package dev.kiln.clients.artifact;
