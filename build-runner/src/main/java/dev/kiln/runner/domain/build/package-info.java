/** Builds and their step runs: states, retry, skip and the pure reconciliation rules that drive them. */
package dev.kiln.runner.domain.build;
