/** The kiln command line: the command tree, what a command may touch (Cli) and the archive training run. */
package dev.kiln.cli;
