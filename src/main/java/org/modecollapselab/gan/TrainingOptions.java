package org.modecollapselab.gan;

import java.util.ArrayList;
import java.util.List;
import org.modecollapselab.util.Check;

/**
 * What {@link Gan#train} records and whom it tells.
 *
 * @param historyEvery  a history row every this many steps (averaged over them), &gt;= 1
 * @param snapshotEvery a sample snapshot every this many steps (and after the last), &gt;= 1
 * @param snapshotSize  samples per snapshot, &gt;= 1
 * @param listeners     callbacks, e.g. a live progress display
 */
public record TrainingOptions(int historyEvery, int snapshotEvery, int snapshotSize, List<TrainingListener> listeners) {
    public TrainingOptions {
        Check.atLeast("historyEvery", historyEvery, 1);
        Check.atLeast("snapshotEvery", snapshotEvery, 1);
        Check.atLeast("snapshotSize", snapshotSize, 1);
        Check.noNulls("listeners", listeners);
        listeners = List.copyOf(listeners);
    }

    /** About 200 history rows and 100 snapshots of 1,000 samples over {@code steps} steps. */
    public static TrainingOptions forSteps(int steps) {
        Check.atLeast("steps", steps, 1);
        return new TrainingOptions(Math.max(1, steps / 200), Math.max(1, steps / 100), 1000, List.of());
    }

    /** Numbers (samples × coordinates) the default snapshots of one run may hold: 4 million, 32 MB. */
    public static final int SNAPSHOT_BUDGET = 4_000_000;

    /**
     * {@link #forSteps(int)} for samples of {@code dimension} coordinates: the same for small samples (up to 40
     * coordinates); for wide ones (images) 20 snapshots of as many samples as fit {@link #SNAPSHOT_BUDGET} (50 to
     * 1,000; 255 MNIST digits), so that a notebook's {@code gan.train(steps)} does not fill the heap with snapshots.
     */
    public static TrainingOptions forSteps(int steps, int dimension) {
        Check.atLeast("steps", steps, 1);
        Check.atLeast("dimension", dimension, 1);
        if ((long) dimension * 100 * 1000 <= SNAPSHOT_BUDGET) {
            return forSteps(steps);
        }
        int size = (int) Math.max(50, Math.min(1000, SNAPSHOT_BUDGET / (20L * dimension)));
        return new TrainingOptions(Math.max(1, steps / 200), Math.max(1, steps / 20), size, List.of());
    }

    public TrainingOptions withHistoryEvery(int v) {
        return new TrainingOptions(v, snapshotEvery, snapshotSize, listeners);
    }

    public TrainingOptions withSnapshotEvery(int v) {
        return new TrainingOptions(historyEvery, v, snapshotSize, listeners);
    }

    public TrainingOptions withSnapshotSize(int v) {
        return new TrainingOptions(historyEvery, snapshotEvery, v, listeners);
    }

    public TrainingOptions withListener(TrainingListener l) {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(Check.notNull("listener", l));
        return new TrainingOptions(historyEvery, snapshotEvery, snapshotSize, all);
    }
}
