/** Step tokens: bearer tokens a build's steps write the cache with, scoped to the build's directories and lifetime. */
package dev.kiln.artifact.domain.token;
