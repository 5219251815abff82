/** The local executor: each step run attempt is a process tree in its own work directory on this machine. */
package dev.kiln.runner.execution.local;
