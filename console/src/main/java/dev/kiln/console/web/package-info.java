/** The pages (Qute, rendered on the server) and the forms that act through the services as the signed-in caller. */
package dev.kiln.console.web;
