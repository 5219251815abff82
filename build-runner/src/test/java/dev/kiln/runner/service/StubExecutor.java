package dev.kiln.runner.service;

import dev.kiln.runner.domain.port.AttemptLog;
import dev.kiln.runner.domain.port.Observation;
import dev.kiln.runner.domain.port.RunHandle;
import dev.kiln.runner.domain.port.StepExecutor;
import dev.kiln.runner.domain.port.StepLaunch;
import java.util.Set;
import java.util.function.Consumer;

/** A Kubernetes-like executor that has nothing and does nothing; tests override what they exercise. */
abstract class StubExecutor implements StepExecutor {

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public void launch(StepLaunch launch) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Observation observe(RunHandle handle) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stop(RunHandle handle) {
    }

    @Override
    public AttemptLog openLog(RunHandle handle) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void forget(RunHandle handle) {
    }

    @Override
    public Set<RunHandle> known() {
        return Set.of();
    }

    @Override
    public boolean confirmRunning(RunHandle handle) {
        return false;
    }

    @Override
    public String referenceOf(RunHandle handle) {
        return "kiln-" + handle.buildId() + "-" + handle.runKey() + "-" + handle.attempt();
    }

    @Override
    public void onChange(Consumer<String> buildChanged) {
    }
}
