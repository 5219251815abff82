package dev.kiln.runner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Where another JVM's memory goes, for P3, read with {@code jcmd}: RSS, heap after a full collection, thread
 * and class counts, the Native Memory Tracking summary (the JVM must run with {@link #JVM_FLAG}) and the top of
 * the class histogram. Written to a file; a few summary lines returned.
 */
final class ProcessMemoryReport {

    /** The JVM flag that lets {@code jcmd} report native memory. */
    static final String JVM_FLAG = "-XX:NativeMemoryTracking=summary";

    private ProcessMemoryReport() {
    }

    static long rssKb(long pid) throws IOException {
        return status(pid, "VmRSS:");
    }

    /** The largest RSS the process has had. */
    static long highWaterKb(long pid) throws IOException {
        return status(pid, "VmHWM:");
    }

    private static long status(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith(field)).map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst()
                .orElse(-1L);
    }

    /** Writes the full report to {@code file} and returns a few summary lines. Forces a full GC in the JVM. */
    static String write(long pid, Path file) throws Exception {
        String histogram = jcmd(pid, "GC.class_histogram").lines().limit(40).collect(Collectors.joining("\n"));
        String heap = jcmd(pid, "GC.heap_info");
        String nmt = jcmd(pid, "VM.native_memory", "summary");
        String classes = jcmd(pid, "PerfCounter.print").lines()
                .filter(l -> l.startsWith("java.cls.loadedClasses=") || l.startsWith("java.cls.sharedLoadedClasses="))
                .map(l -> l.replace("java.cls.", "")).collect(Collectors.joining(", "));
        long threads;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            threads = tasks.count();
        }
        Files.writeString(file, heap + "\n\n" + nmt + "\n\n" + histogram + "\n");
        String nmtTotals = nmt.lines().filter(l -> l.matches("^(Total:|-\\s+[A-Za-z ]+) \\(?reserved=.*"))
                .filter(l -> !l.matches(".*committed=[0-9]{1,3}KB.*"))
                .map(l -> "    " + l.replaceAll("\\s+", " ").replaceAll("reserved=[0-9]+KB, ", "")).collect(Collectors.joining("\n"));
        String heapLines = heap.lines().map(String::strip).filter(l -> l.startsWith("DefNew") || l.startsWith("Tenured")).map(l -> "    " + l).collect(Collectors.joining("\n"));
        return "    threads " + threads + "; classes: " + classes + "\n" + heapLines + "\n" + nmtTotals;
    }

    private static String jcmd(long pid, String... command) throws Exception {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
        return out;
    }
}
