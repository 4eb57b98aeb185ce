package org.modecollapselab.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.modecollapselab.gan.Method;
import org.modecollapselab.knob.Knob;
import org.modecollapselab.knob.KnobSetting;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A knob sweep: the plain GAN of a study case with one knob at each of several values, several seeds each, through
 * the study engine ({@link Study}); the result is one row per value with the mean ± standard error of modes
 * captured, high-quality share and reverse KL — what {@code plot.KnobCharts.sweep} draws.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * Sweeps {@code knob} over {@code values} on {@code c}, seeds 1..{@code seeds}, on {@code threads} threads.
     *
     * @param progress receives one line per finished run (may be null)
     * @return one row per value, in the order given: dataset, knob, value, value_label, runs, diverged, modes_total,
     *         modes_mean, modes_se, high_quality_pct_mean, high_quality_pct_se, reverse_kl_mean, reverse_kl_se,
     *         steps_per_s
     */
    public static Table run(StudyCase c, Knob knob, double[] values, int seeds, int threads, Study.Protocol protocol,
                            Consumer<String> progress) {
        Check.notNull("c", c);
        Check.notNull("knob", knob);
        Check.finite("values", values);
        if (values.length == 0) {
            throw new IllegalArgumentException("values must not be empty, was []");
        }
        List<Method> methods = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < i; j++) {
                if (values[j] == values[i]) {
                    throw new IllegalArgumentException("values must be distinct, was " + values[i] + " twice");
                }
            }
            methods.add(new KnobSetting(knob, values[i]));
        }
        List<Study.Run> runs = Study.runs(List.of(c), methods, seeds, threads, protocol, progress);
        Table summary = StudyReport.summary(runs);
        DoubleColumn value = DoubleColumn.create("value", values);
        StringColumn label = StringColumn.create("value_label");
        StringColumn knobs = StringColumn.create("knob");
        for (double v : values) {
            label.append(Knob.format(v));
            knobs.append(knob.id());
        }
        Table out = Table.create(c.name() + ": " + knob.title(), summary.stringColumn("dataset").copy(), knobs, value,
                label);
        for (String col : List.of("runs", "diverged", "modes_total")) {
            out.addColumns(summary.intColumn(col).copy());
        }
        for (String col : List.of("modes_mean", "modes_se", "high_quality_pct_mean", "high_quality_pct_se",
                "reverse_kl_mean", "reverse_kl_se", "steps_per_s")) {
            out.addColumns(summary.doubleColumn(col).copy());
        }
        return out;
    }

    /** The same for several data sets, one table (rows: data set by data set), scored by the standard protocol. */
    public static Table run(List<StudyCase> cases, Knob knob, double[] values, int seeds, int threads) {
        return run(cases, knob, values, seeds, threads, Study.Protocol.standard());
    }

    /** The same for several data sets, one table (rows: data set by data set). */
    public static Table run(List<StudyCase> cases, Knob knob, double[] values, int seeds, int threads,
                            Study.Protocol protocol) {
        Check.notEmpty("cases", cases);
        Check.noNulls("cases", cases);
        Check.distinct("cases", cases, "name", StudyCase::name);
        Table all = null;
        for (StudyCase c : cases) {
            Table t = run(c, knob, values, seeds, threads, protocol, null);
            all = all == null ? t : all.append(t);
        }
        return all.setName(knob.title());
    }

    /** A sweep table's rows as "value: modes ± se, high quality ± se" lines, for a notebook's printout. */
    public static String describe(Table sweep) {
        Check.columns("sweep", sweep, "a knob sweep (Sweep.run)", "dataset", "knob", "value_label", "modes_total",
                "modes_mean", "modes_se", "high_quality_pct_mean", "high_quality_pct_se");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sweep.rowCount(); i++) {
            sb.append(String.format(Locale.ROOT, "%-12s %s %-8s modes %s / %d, high quality %s%%%n",
                    sweep.stringColumn("dataset").get(i), sweep.stringColumn("knob").get(i),
                    sweep.stringColumn("value_label").get(i), StudyReport.pm(sweep, "modes", i, 1),
                    sweep.intColumn("modes_total").get(i), StudyReport.pm(sweep, "high_quality_pct", i, 1)));
        }
        return sb.toString();
    }
}
