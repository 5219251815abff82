/** --follow: polling a build or a release request until it ends, shown live on a terminal or as lines in a pipe. */
package dev.kiln.cli.follow;
