package dev.kiln.release;

import dev.kiln.testing.ServiceArchitectureContract;

class ArchitectureTest extends ServiceArchitectureContract {

    ArchitectureTest() {
        super("dev.kiln.release");
    }
}
