package dev.kiln.cli.output;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, redrawn with a carriage return. Only for large transfers on a terminal:
 * in a CI log it would be hundreds of lines of noise.
 */
public final class ProgressBar implements AutoCloseable {

    public static final long LARGE = 8L * 1024 * 1024;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastDrawNanos;

    private ProgressBar(PrintWriter err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    /** A bar, or null when there should be none; {@link #advance} and {@link #close} accept null via helpers. */
    public static ProgressBar start(PrintWriter err, boolean terminal, String label, long total) {
        return terminal && total >= LARGE ? new ProgressBar(err, label, total) : null;
    }

    public static void advance(ProgressBar bar, long bytes) {
        if (bar != null) {
            bar.advance(bytes);
        }
    }

    public void advance(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (now - lastDrawNanos >= REDRAW_NANOS || done >= total) {
            lastDrawNanos = now;
            draw(now);
        }
    }

    private void draw(long now) {
        int filled = (int) (WIDTH * Math.min(1.0, (double) done / total));
        double seconds = Math.max(0.001, (now - startNanos) / 1e9);
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %s/%s %s/s", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), done * 100 / total, size(done), size(total), size((long) (done / seconds))));
        err.flush();
    }

    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    @Override
    public void close() {
        err.print("\r" + Ansi.CLEAR_LINE);
        err.flush();
    }
}
