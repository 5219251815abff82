/** Typed configuration of the artifact-service ({@code kiln.artifact.*}). */
package dev.kiln.artifact.config;
