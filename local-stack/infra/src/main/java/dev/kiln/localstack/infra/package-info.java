/** Real infrastructure as child processes, on free or chosen ports, with data in a given directory. */
package dev.kiln.localstack.infra;
