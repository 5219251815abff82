package dev.kiln.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages as benchmarks print them beside their figures. */
public final class LoadAverage {

    private LoadAverage() {
    }

    /** The 1-, 5- and 15-minute load averages ({@code "2.80 3.06 3.38"}), or {@code "unknown"} off Linux. */
    public static String now() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
