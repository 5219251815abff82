/** Who may write the cache: step tokens recognised as callers, and the check that keeps them inside their prefixes. */
package dev.kiln.artifact.security;
