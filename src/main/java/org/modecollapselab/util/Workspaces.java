package org.modecollapselab.util;

import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;

/** ND4J workspace settings shared by every loop that repeats the same array work (a training step, a classifier's). */
public final class Workspaces {
    private Workspaces() {
    }

    /**
     * A workspace learnt in the first iteration and reused: one block, sized by the first loop (30% slack), released
     * at the end of each iteration; spills reallocate.
     */
    public static final WorkspaceConfiguration PER_ITERATION = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.3)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();
}
