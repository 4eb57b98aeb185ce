package org.modecollapselab.objective;

/**
 * An objective whose D gives no probability: the score charts and {@code StepStats} show is D's raw output (a
 * critic's value, a margin or least-squares score), named by {@link #scoreName()}.
 */
interface RawScore extends Objective {
    /** D's raw output itself. */
    @Override
    default double score(double output) {
        return output;
    }

    @Override
    default boolean scoreIsProbability() {
        return false;
    }
}
