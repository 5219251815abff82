/** Flatcar's version policy in pure Java: versions, tags, version.txt, next-version rules and the allocation flow. */
package dev.kiln.version.domain;
