package dev.switchboard.history;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar for long commands, on stderr: redrawn in place (carriage return) on a terminal at most five
 * times a second; one line every few seconds when the output is a file or a pipe, so logs stay readable.
 * For one thread.
 */
final class Progress {
    private final PrintStream err;
    private final String what;
    private final long total;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPrint;

    Progress(PrintStream err, String what, long total, boolean terminal) {
        this.err = err;
        this.what = what;
        this.total = total;
        this.terminal = terminal;
    }

    void update(long done) {
        long nowNanos = System.nanoTime();
        boolean last = done >= total;
        if (!last && nowNanos - lastPrint < (terminal ? 200_000_000L : 5_000_000_000L)) return;
        lastPrint = nowNanos;
        String line = line(done, (nowNanos - startNanos) / 1e9);
        if (terminal) err.print("\r" + line + (last ? "\n" : ""));
        else err.println(line);
        err.flush();
    }

    String line(long done, double seconds) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int width = 30, filled = (int) Math.round(fraction * width);
        double rate = seconds > 0 ? done / seconds : 0;
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        return String.format(Locale.ROOT, "%s [%s%s] %5.1f%%  %,d/%,d  %,.0f/s  ETA %d:%02d", what, "#".repeat(filled),
                " ".repeat(width - filled), fraction * 100, done, total, rate, eta / 60, eta % 60);
    }
}
