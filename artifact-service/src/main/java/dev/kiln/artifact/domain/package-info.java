/** The build cache's rules in pure Java: paths and layout, digests, ranges, listings, uploads and retention. */
package dev.kiln.artifact.domain;
