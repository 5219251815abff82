package dev.kiln.version;

import dev.kiln.testing.ServiceArchitectureContract;

class ArchitectureTest extends ServiceArchitectureContract {

    ArchitectureTest() {
        super("dev.kiln.version");
    }
}
