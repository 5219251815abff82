/** The build cache's rules in pure Java: paths and layout, digests, uploads, and the ports to store and index. */
package dev.kiln.artifact.domain;
