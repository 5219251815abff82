/** version-service's API: its request and response records (the server's own) and the one client every caller uses. */
package dev.kiln.clients.version;
