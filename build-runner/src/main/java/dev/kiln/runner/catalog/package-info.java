/** Loads pipeline definitions from YAML: the bundled defaults and a configured directory. */
package dev.kiln.runner.catalog;
