package org.modecollapselab.study;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import org.modecollapselab.notebook.LiveView;
import org.modecollapselab.util.Check;

/**
 * A study's progress, told on the thread that runs the study: when it starts, after each run (finished or failed)
 * and at the end. The progress line is one line — runs done / total, failures, elapsed time, ETA — kept in place:
 * in a notebook ({@link #live}), in a terminal ({@link #console}, rewritten with a carriage return); in a log
 * (not a terminal) one line per run.
 */
public interface StudyProgress {

    /** Where a study stands. */
    record Status(int done, int failed, int total, int resumed, double seconds) {
        /** Runs done in this session (not resumed). */
        public int doneNow() {
            return done - resumed;
        }

        /** Seconds still to go, estimated from this session's pace; NaN before the first run of this session. */
        public double etaSeconds() {
            return doneNow() <= 0 ? Double.NaN : seconds / doneNow() * (total - done);
        }

        /** "runs 7/42 (17%), 1 failed, 2 min 3 s, ETA 10 min" (resumed runs counted as done). */
        public String line() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "runs %d/%d (%.0f%%)", done, total,
                    100.0 * done / total));
            if (resumed > 0) {
                sb.append(", ").append(resumed).append(" resumed");
            }
            if (failed > 0) {
                sb.append(", ").append(failed).append(" failed");
            }
            sb.append(", ").append(duration(seconds));
            if (done < total) {
                double eta = etaSeconds();
                sb.append(", ETA ").append(Double.isNaN(eta) ? "…" : duration(eta));
            }
            return sb.toString();
        }
    }

    /** Before the first run ({@code done} counts runs resumed from an earlier session). */
    default void started(Status status) {
    }

    /** After each run, finished or failed. */
    default void result(Study.Result result, Status status) {
    }

    /** After the last run. */
    default void ended(Status status) {
    }

    /** No progress. */
    StudyProgress NONE = new StudyProgress() {
    };

    /**
     * One line per run to {@code out}: "[7/42, ETA 10 min] ring, plain, seed 2: 1/8 modes, …" (and failures with
     * their settings).
     */
    static StudyProgress lines(Consumer<String> out) {
        Check.notNull("out", out);
        return new StudyProgress() {
            @Override
            public void result(Study.Result r, Status s) {
                out.accept(String.format(Locale.ROOT, "[%d/%d%s] %s", s.done(), s.total(), s.done() < s.total()
                        ? ", ETA " + (Double.isNaN(s.etaSeconds()) ? "…" : duration(s.etaSeconds())) : "",
                        describe(r)));
            }
        };
    }

    /**
     * One line kept in place: {@code line} replaces the shown line with each new text (a notebook output, a
     * terminal line). Failures are also given to {@code failures} as they happen (may be null).
     */
    static StudyProgress inPlace(Consumer<String> line, Consumer<String> failures) {
        Check.notNull("line", line);
        return new StudyProgress() {
            @Override
            public void started(Status s) {
                line.accept("Study: " + s.line());
            }

            @Override
            public void result(Study.Result r, Status s) {
                if (r instanceof Study.Failure f && failures != null) {
                    failures.accept(f.describe());
                }
                line.accept("Study: " + s.line() + " — last: " + describe(r));
            }

            @Override
            public void ended(Status s) {
                line.accept(String.format(Locale.ROOT, "Study done: %d runs%s in %s", s.doneNow(),
                        s.failed() > 0 ? " (" + s.failed() + " failed)" : "", duration(s.seconds())));
            }
        };
    }

    /** The progress line in a notebook: one output updated in place (failures printed below it by the kernel). */
    static StudyProgress live(LiveView view) {
        Check.notNull("view", view);
        return inPlace(view.line("Study: starting …"), System.err::println);
    }

    /**
     * The progress line on a console: in a terminal, one line rewritten in place with a carriage return (failures
     * on lines of their own above it); otherwise (a log file, CI) one line per run.
     *
     * @param terminal whether {@code out} is a terminal
     */
    static StudyProgress console(PrintStream out, boolean terminal) {
        Check.notNull("out", out);
        if (!terminal) {
            return lines(out::println);
        }
        int width = terminalWidth();
        int[] shown = {0};
        StudyProgress line = inPlace(text -> {
            String t = text.length() >= width ? text.substring(0, width - 2) + "…" : text;
            out.print("\r" + t + " ".repeat(Math.max(0, shown[0] - t.length())));
            out.flush();
            shown[0] = t.length();
        }, text -> {
            out.print("\r" + " ".repeat(shown[0]) + "\r" + text + "\n");
            shown[0] = 0;
        });
        return new StudyProgress() {
            @Override
            public void started(Status s) {
                line.started(s);
            }

            @Override
            public void result(Study.Result r, Status s) {
                line.result(r, s);
            }

            @Override
            public void ended(Status s) {
                line.ended(s);
                out.println();
            }
        };
    }

    /** Whether standard error is a terminal: {@code -Dmcl.terminal=true|false} (set by environment/study), else
     * whether the JVM has a console. */
    static boolean stderrIsTerminal() {
        String p = System.getProperty("mcl.terminal");
        return p != null ? Boolean.parseBoolean(p) : System.console() != null;
    }

    /** Both, in order. */
    default StudyProgress and(StudyProgress other) {
        Check.notNull("other", other);
        StudyProgress first = this;
        return new StudyProgress() {
            @Override
            public void started(Status s) {
                first.started(s);
                other.started(s);
            }

            @Override
            public void result(Study.Result r, Status s) {
                first.result(r, s);
                other.result(r, s);
            }

            @Override
            public void ended(Status s) {
                first.ended(s);
                other.ended(s);
            }
        };
    }

    private static String describe(Study.Result r) {
        return r instanceof Study.Run run ? run.describe() : ((Study.Failure) r).describe();
    }

    private static int terminalWidth() {
        try {
            return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120").trim()));
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    /** "45 s", "3 min 20 s", "2 h 05 min". */
    static String duration(double seconds) {
        Check.nonNegative("seconds", seconds);
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
