package dev.kiln.localstack.testsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandledEventsTest {

    @TempDir
    Path dir;

    @Test
    void aRestartedTestSystemRemembersTheCandidatesItTested() {
        Path file = dir.resolve("state/handled-candidates");
        try (HandledEvents handled = HandledEvents.open(file)) {
            handled.add("0d3c7c2e-6f0e-4bb4-9d5a-2f1d1a7c9e01");
            handled.add("0d3c7c2e-6f0e-4bb4-9d5a-2f1d1a7c9e01");
        }

        try (HandledEvents reopened = HandledEvents.open(file)) {
            assertThat(reopened.contains("0d3c7c2e-6f0e-4bb4-9d5a-2f1d1a7c9e01")).isTrue();
            assertThat(reopened.contains("5b8f4a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b")).isFalse();
            assertThat(reopened.size()).isEqualTo(1);
        }
    }

    @Test
    void aLineCutShortByACrashIsDroppedAndDoesNotSwallowTheNextId() throws Exception {
        Path file = dir.resolve("handled-candidates");
        Files.writeString(file, "first-event\nhalf-writ", StandardCharsets.UTF_8);

        try (HandledEvents handled = HandledEvents.open(file)) {
            assertThat(handled.contains("half-writ")).isFalse();
            handled.add("second-event");
        }

        try (HandledEvents reopened = HandledEvents.open(file)) {
            assertThat(reopened.contains("first-event")).isTrue();
            assertThat(reopened.contains("second-event")).isTrue();
        }
    }

    @Test
    void refusesAnIdItCouldNotReadBack() {
        try (HandledEvents handled = HandledEvents.open(dir.resolve("handled-candidates"))) {
            assertThatThrownBy(() -> handled.add("one\ntwo")).isInstanceOf(IllegalArgumentException.class);
            assertThat(handled.size()).isZero();
        }
    }
}
