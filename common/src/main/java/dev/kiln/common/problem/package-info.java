/** Errors as RFC 9457 problem details with a stable {@code type} URI per kind of error. */
package dev.kiln.common.problem;
