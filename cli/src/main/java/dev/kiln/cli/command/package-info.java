/** One class per noun (build, version, cache, gc, release, promote, promotion, channel, ...) with its verbs and tables. */
package dev.kiln.cli.command;
