package org.modecollapselab.gan;

import org.modecollapselab.step.StepStats;

/** Callbacks from {@link Gan#train}: progress displays, custom logging, early inspection. */
public interface TrainingListener {
    /** Before the first step of this call; steps {@code firstStep..lastStep} will run. */
    default void onStart(Gan gan, int firstStep, int lastStep) {
    }

    default void onStep(Gan gan, StepStats stats) {
    }

    default void onSnapshot(Gan gan, Snapshot snapshot) {
    }

    default void onEnd(Gan gan, TrainingResult result) {
    }
}
