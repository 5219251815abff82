package dev.kiln.runner;

import dev.kiln.testing.ServiceArchitectureContract;

class ArchitectureTest extends ServiceArchitectureContract {

    ArchitectureTest() {
        super("dev.kiln.runner");
    }
}
