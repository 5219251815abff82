package dev.kiln.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that run the CLI, with a home of its own, against a {@link FakeKiln} standing in for the services. */
abstract class AgainstFakeKiln {

    @TempDir
    Path home;
    FakeKiln kiln;
    CliRun cli;

    @BeforeEach
    void startFakeKiln() {
        kiln = new FakeKiln();
        cli = CliRun.against(home, kiln.url());
    }

    @AfterEach
    void stopFakeKiln() {
        kiln.close();
    }
}
