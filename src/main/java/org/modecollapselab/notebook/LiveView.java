package org.modecollapselab.notebook;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.knowm.xchart.internal.chartpart.Chart;
import org.modecollapselab.data.mnist.DownloadListener;
import org.modecollapselab.data.mnist.MnistFile;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Snapshot;
import org.modecollapselab.gan.TrainingListener;
import org.modecollapselab.gan.TrainingResult;
import org.modecollapselab.plot.Charts;
import org.modecollapselab.step.StepStats;
import org.modecollapselab.util.Check;

/**
 * Live training progress in a notebook: one output updated in place (a progress line and, optionally, a chart
 * redrawn at snapshots) instead of thousands of printed lines.
 *
 * <p>The kernel's display functions are passed in, so the library does not depend on the kernel. The start-up
 * script of this project's kernel defines {@code live()}, which builds one from JJava's {@code display} and
 * {@code updateDisplay}; a notebook then writes {@code gan.train(3000, live().progress())}.
 */
public final class LiveView {
    private final Function<Object, String> display;
    private final BiConsumer<String, Object> update;
    private final double minSecondsBetweenUpdates;

    /**
     * @param display shows an object as a new output and returns its display id
     * @param update  replaces the output with that id by a new object
     */
    public LiveView(Function<Object, String> display, BiConsumer<String, Object> update) {
        this(display, update, 0.25);
    }

    /**
     * @param minSecondsBetweenUpdates the least time between two updates of the progress line, &gt;= 0
     */
    public LiveView(Function<Object, String> display, BiConsumer<String, Object> update,
                    double minSecondsBetweenUpdates) {
        this.display = Check.notNull("display", display);
        this.update = Check.notNull("update", update);
        this.minSecondsBetweenUpdates = Check.nonNegative("minSecondsBetweenUpdates", minSecondsBetweenUpdates);
    }

    /** A progress line, updated at most every quarter second and once at the end. */
    public TrainingListener progress() {
        return new Progress(null);
    }

    /**
     * A progress line and a chart redrawn at every snapshot (at most once a second).
     *
     * @param chart builds the chart from the GAN and its latest snapshot
     */
    public TrainingListener progress(BiFunction<Gan, Snapshot, Chart<?, ?>> chart) {
        return new Progress(Check.notNull("chart", chart));
    }

    /**
     * A text line shown now and replaced in place by every text given to the returned consumer: progress of
     * something other than one GAN's training (a study's runs: {@code StudyProgress.live(view)}).
     *
     * @param text the first text shown
     */
    public Consumer<String> line(String text) {
        String id = display.apply(Check.notNull("text", text));
        return t -> update.accept(id, Check.notNull("text", t));
    }

    /**
     * Download progress as one output updated in place (at most every quarter second): the file, megabytes
     * received of the total, the mirror, and the messages so far (a mirror failed, a file verified). Use:
     * {@code Mnist.obtain(live().downloads())}.
     */
    public DownloadListener downloads() {
        return new DownloadListener() {
            private String id;
            private long last;
            private String line = "";
            private final StringBuilder messages = new StringBuilder();

            @Override
            public synchronized void progress(MnistFile file, long received, long total, String from) {
                long now = System.nanoTime();
                boolean done = received == total;
                if (id != null && !done && now - last < minSecondsBetweenUpdates * 1e9) {
                    return;
                }
                last = now;
                line = String.format(Locale.ROOT, "Downloading %s from %s: %.1f of %.1f MB (%.0f%%)",
                        file.name(), from, received / 1e6, total / 1e6, total > 0 ? 100.0 * received / total : 0);
                show();
            }

            @Override
            public synchronized void message(String text) {
                messages.append(text).append('\n');
                show();
            }

            private void show() {
                String text = messages + line;
                if (id == null) {
                    id = display.apply(text);
                } else {
                    update.accept(id, text);
                }
            }
        };
    }

    private final class Progress implements TrainingListener {
        private final BiFunction<Gan, Snapshot, Chart<?, ?>> chart;
        private String textId;
        private String chartId;
        private Chart<?, ?> lastDrawn;
        private long start;
        private long lastText;
        private long lastChart;
        private int first;
        private int last;

        Progress(BiFunction<Gan, Snapshot, Chart<?, ?>> chart) {
            this.chart = chart;
        }

        @Override
        public void onStart(Gan gan, int firstStep, int lastStep) {
            first = firstStep;
            last = lastStep;
            start = System.nanoTime();
            lastText = 0;
            lastChart = 0;
            textId = display.apply("Training steps " + firstStep + "–" + lastStep + " …");
            chartId = null;
            lastDrawn = null;
        }

        @Override
        public void onStep(Gan gan, StepStats s) {
            long now = System.nanoTime();
            if (now - lastText >= minSecondsBetweenUpdates * 1e9 || s.step() == last) {
                lastText = now;
                update.accept(textId, line(gan, s, now));
            }
        }

        @Override
        public void onSnapshot(Gan gan, Snapshot snapshot) {
            if (chart == null) {
                return;
            }
            long now = System.nanoTime();
            if (chartId != null && now - lastChart < 1e9 && snapshot.step() != last) {
                return;
            }
            lastChart = now;
            lastDrawn = chart.apply(gan, snapshot);
            BufferedImage img = Charts.render(lastDrawn);
            if (chartId == null) {
                chartId = display.apply(img);
            } else {
                update.accept(chartId, img);
            }
        }

        @Override
        public void onEnd(Gan gan, TrainingResult result) {
            if (lastDrawn != null) {
                Charts.export(lastDrawn);   // the chart as training left it: a figure of the lecture kit
            }
            update.accept(textId, String.format("Done: steps %d–%d in %.1f s (%.0f steps/s).", result.firstStep(),
                    result.lastStep(), result.seconds(), result.stepsPerSecond()));
        }

        /** The progress line; D's scores as D(real)/D(fake) for probabilities, by the objective's score name else. */
        private String line(Gan gan, StepStats s, long now) {
            int done = s.step() - first + 1;
            int total = last - first + 1;
            double sec = (now - start) / 1e9;
            double rate = done / Math.max(sec, 1e-9);
            double eta = (total - done) / Math.max(rate, 1e-9);
            var objective = gan.config().objective();
            String scores = objective.scoreIsProbability()
                    ? String.format("D(real) %.2f  D(fake) %.2f", s.realScore(), s.fakeScore())
                    : String.format("%s: real %.3f, fake %.3f", objective.scoreName(), s.realScore(), s.fakeScore());
            return String.format("step %d/%d (%3.0f%%)  D loss %.3f  G loss %.3f  %s  "
                    + "%.0f steps/s  ETA %.0f s", s.step(), last, 100.0 * done / total, s.discriminatorLoss(),
                    s.generatorLoss(), scores, rate, eta);
        }
    }
}
