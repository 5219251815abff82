/** -o table|json|yaml, tables, colours and progress bars. */
package dev.kiln.cli.output;
