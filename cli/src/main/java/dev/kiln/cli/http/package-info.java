/** Calls to the services with the context's token, and refusals (problem+json) turned into messages and exit codes. */
package dev.kiln.cli.http;
