package org.modecollapselab.gan;

import java.util.List;
import org.modecollapselab.metric.CoverageReport;
import org.modecollapselab.metric.CoverageScorer;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.metric.ModeCoverage;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.metric.ModeTimeline;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.Table;

/**
 * What one call of {@link Gan#train} produced.
 *
 * @param history   one row every {@code historyEvery} steps: step, d_loss, g_loss, d_real, d_fake (averages
 *                  over the steps since the previous row of D's score on the real and the fake batch) and seconds
 *                  since the start of the call
 * @param snapshots generated samples (same noise each time) during training, the last one after the last step
 * @param firstStep the first step this call ran
 * @param lastStep  the last step this call ran
 * @param seconds   wall time of the call
 * @param scoreName what the history's d_real and d_fake average ({@code Objective.scoreName}: "D(x)", "critic
 *                  value", …)
 * @param scoreIsProbability whether d_real and d_fake are probabilities
 */
public record TrainingResult(Table history, List<Snapshot> snapshots, int firstStep, int lastStep, double seconds,
                             String scoreName, boolean scoreIsProbability) {
    public TrainingResult {
        Check.notNull("history", history);
        Check.noNulls("snapshots", snapshots);
        Check.notNull("scoreName", scoreName);
        history = history.copy();
        snapshots = List.copyOf(snapshots);
    }

    /** A result whose d_real and d_fake are D's probabilities (the GAN family). */
    public TrainingResult(Table history, List<Snapshot> snapshots, int firstStep, int lastStep, double seconds) {
        this(history, snapshots, firstStep, lastStep, seconds, "D(x)", true);
    }

    @Override
    public Table history() {
        return history.copy();
    }

    public int steps() {
        return lastStep - firstStep + 1;
    }

    public double stepsPerSecond() {
        return steps() / seconds;
    }

    public Snapshot lastSnapshot() {
        if (snapshots.isEmpty()) {
            throw new IllegalStateException("snapshots must not be empty for lastSnapshot(), was []");
        }
        return snapshots.get(snapshots.size() - 1);
    }

    /** Fraction of samples in each mode at each snapshot: the mode-hopping timeline. */
    public ModeTimeline timeline(ModeSet modes, CoverageThresholds thresholds) {
        return ModeTimeline.of(snapshots.stream().mapToInt(Snapshot::step).toArray(),
                snapshots.stream().map(Snapshot::samples).toList(), modes, thresholds);
    }

    /** Coverage at each snapshot, scored by {@code scorer} (a classifier for images): the mode timeline. */
    public ModeTimeline timeline(CoverageScorer scorer) {
        return ModeTimeline.of(snapshots.stream().mapToInt(Snapshot::step).toArray(),
                snapshots.stream().map(Snapshot::samples).toList(), scorer);
    }

    /** Mode coverage of the last snapshot. */
    public CoverageReport finalCoverage(ModeSet modes, CoverageThresholds thresholds) {
        return ModeCoverage.evaluate(lastSnapshot().samples(), modes, thresholds);
    }
}
