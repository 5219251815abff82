/** Benchmarks (not tests): run with {@code ./mvnw -q verify -Pbench -pl build-runner}; they print their figures. */
package dev.kiln.runner.bench;
