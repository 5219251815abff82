/** Step executors behind the domain's {@code StepExecutor} port, and the bean that picks one by configuration. */
package dev.kiln.runner.execution;
