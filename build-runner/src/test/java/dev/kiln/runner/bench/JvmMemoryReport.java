package dev.kiln.runner.bench;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/**
 * Where this JVM's memory goes, for P3: heap committed and used, direct and mapped buffers, threads, loaded
 * classes, the Native Memory Tracking summary (when the JVM runs with {@code -XX:NativeMemoryTracking=summary})
 * and the top of the class histogram. Written to a file, the summary lines printed.
 */
final class JvmMemoryReport {

    private JvmMemoryReport() {
    }

    /** Writes the full report to {@code file} and returns a few summary lines. */
    static String write(Path file) throws Exception {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        String buffers = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .map(b -> b.getName() + " " + b.getCount() + " buffers, " + b.getMemoryUsed() / (1024 * 1024) + " MB")
                .collect(Collectors.joining("; "));
        String threadNames = Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .map(t -> t.getThreadName().replaceAll("[-#]?[0-9]+$", "").replaceAll("[-#][0-9]+[-#]?", "-"))
                .collect(Collectors.groupingBy(n -> n, java.util.TreeMap::new, Collectors.counting())).toString();
        String summary = String.format("heap committed %d MB, used %d MB; %s; threads %d (peak %d); classes loaded %d",
                heap.getCommitted() / (1024 * 1024), heap.getUsed() / (1024 * 1024), buffers,
                ManagementFactory.getThreadMXBean().getThreadCount(), ManagementFactory.getThreadMXBean().getPeakThreadCount(),
                ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        String nmt = diagnostic("vmNativeMemory", "summary");
        String histogram = diagnostic("gcClassHistogram").lines().limit(40).collect(Collectors.joining("\n"));
        Files.writeString(file, summary + "\n\nthreads by name: " + threadNames + "\n\n" + nmt + "\n\n" + histogram + "\n");
        String nmtTotals = nmt.lines().filter(l -> l.matches("^(Total:|-\\s+[A-Za-z ]+) \\(?reserved=.*"))
                .filter(l -> !l.matches(".*committed=[0-9]{1,3}KB.*"))
                .map(l -> "    " + l.replaceAll("\\s+", " ").replaceAll("reserved=[0-9]+KB, ", "")).collect(Collectors.joining("\n"));
        return "    " + summary + "\n    threads by name: " + threadNames + "\n" + nmtTotals;
    }

    private static String diagnostic(String operation, String... args) {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), operation, new Object[] {args},
                    new String[] {String[].class.getName()});
        } catch (Exception e) {
            return operation + " unavailable: " + e.getMessage();
        }
    }
}
