/** artifact-service's API as callers see it: its request and response records (the server's own) and the one client every Kiln service uses. */
package dev.kiln.clients.artifact;
