/** PostgreSQL storage of builds and step runs (Panache); entities never leave this package. */
package dev.kiln.runner.persistence;
