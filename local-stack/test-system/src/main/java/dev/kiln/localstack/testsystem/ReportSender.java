package dev.kiln.localstack.testsystem;

import dev.kiln.events.TestReported;

/** Delivers one test report to Kiln; returns once Kiln has it, throws {@link Unavailable} when it may not. */
public interface ReportSender extends AutoCloseable {

    void send(TestReported report);

    @Override
    default void close() {
    }
}
