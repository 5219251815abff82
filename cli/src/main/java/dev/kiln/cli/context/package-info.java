/** Contexts: where each service answers and which token file to send, read from the config file. */
package dev.kiln.cli.context;
