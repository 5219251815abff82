/** Configuration of the version-service ({@code kiln.version.*}) and the wiring of the domain to its adapters. */
package dev.kiln.version.config;
