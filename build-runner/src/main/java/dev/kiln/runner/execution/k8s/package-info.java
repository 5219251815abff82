/** The Kubernetes executor: one Job per step run attempt, built by a pure factory and read by a pure mapper. */
package dev.kiln.runner.execution.k8s;
