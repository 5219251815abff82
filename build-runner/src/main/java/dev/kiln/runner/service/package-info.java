/** Use cases and the reconcile loop: transactions, the outbox, and calls to the executor and collaborators. */
package dev.kiln.runner.service;
