/** Configuration of the release-service and the wiring of the framework-free domain (gate policies from YAML). */
package dev.kiln.release.config;
