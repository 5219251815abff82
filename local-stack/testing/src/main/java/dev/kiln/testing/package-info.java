/** Test resources: real infrastructure for {@code @QuarkusTest}s, started once per test JVM. */
package dev.kiln.testing;
