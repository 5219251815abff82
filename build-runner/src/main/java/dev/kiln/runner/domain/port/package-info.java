/** Ports the domain needs from the outside: step executors, the version allocator and the build cache. */
package dev.kiln.runner.domain.port;
