package dev.kiln.version.support;

import dev.kiln.version.domain.Allocation;
import dev.kiln.version.domain.AllocationCheckpoints;
import jakarta.inject.Singleton;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Replaces the no-op checkpoints: a test scripts a crash or a competing push at a point of the allocation. */
@Singleton
public class ScriptedCheckpoints implements AllocationCheckpoints {

    /** What a crash looks like to the allocation: the process stops at this point. */
    public static final class SimulatedCrash extends RuntimeException {
        public SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    private volatile Consumer<Allocation> reserved = a -> { };
    private volatile BiConsumer<Allocation, Integer> beforePush = (a, attempt) -> { };
    private volatile Consumer<Allocation> pushed = a -> { };

    public void onReserved(Consumer<Allocation> action) {
        reserved = action;
    }

    public void beforePush(BiConsumer<Allocation, Integer> action) {
        beforePush = action;
    }

    public void onPushed(Consumer<Allocation> action) {
        pushed = action;
    }

    public void reset() {
        reserved = a -> { };
        beforePush = (a, attempt) -> { };
        pushed = a -> { };
    }

    @Override
    public void reserved(Allocation allocation) {
        reserved.accept(allocation);
    }

    @Override
    public void beforePush(Allocation allocation, int attempt) {
        beforePush.accept(allocation, attempt);
    }

    @Override
    public void pushed(Allocation allocation) {
        pushed.accept(allocation);
    }
}
