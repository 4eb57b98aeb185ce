package org.modecollapselab.gan;

import java.util.Arrays;
import org.modecollapselab.step.StepStats;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The training history of one {@link Gan#train} call as a Tablesaw table: a row every {@code historyEvery} steps
 * with the step, the averages of D's loss, G's loss and D's mean scores over the steps since the previous row, and
 * the seconds since the call began.
 */
final class HistoryRecorder {
    private final long startNanos;
    private final IntColumn step = IntColumn.create("step");
    private final DoubleColumn dLoss = DoubleColumn.create("d_loss");
    private final DoubleColumn gLoss = DoubleColumn.create("g_loss");
    private final DoubleColumn dReal = DoubleColumn.create("d_real");
    private final DoubleColumn dFake = DoubleColumn.create("d_fake");
    private final DoubleColumn seconds = DoubleColumn.create("seconds");
    private final double[] sums = new double[4];
    private int count;

    HistoryRecorder(long startNanos) {
        this.startNanos = startNanos;
    }

    /** Adds a step's numbers to the row being averaged. */
    void add(StepStats s) {
        sums[0] += s.discriminatorLoss();
        sums[1] += s.generatorLoss();
        sums[2] += s.realScore();
        sums[3] += s.fakeScore();
        count++;
    }

    /** Ends the row being averaged at step {@code at}. */
    void row(int at) {
        step.append(at);
        dLoss.append(sums[0] / count);
        gLoss.append(sums[1] / count);
        dReal.append(sums[2] / count);
        dFake.append(sums[3] / count);
        seconds.append((System.nanoTime() - startNanos) / 1e9);
        Arrays.fill(sums, 0);
        count = 0;
    }

    Table table() {
        return Table.create("training history", step, dLoss, gLoss, dReal, dFake, seconds);
    }
}
