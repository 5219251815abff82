package dev.kiln.artifact;

import dev.kiln.testing.ServiceArchitectureContract;

class ArchitectureTest extends ServiceArchitectureContract {

    ArchitectureTest() {
        super("dev.kiln.artifact");
    }
}
