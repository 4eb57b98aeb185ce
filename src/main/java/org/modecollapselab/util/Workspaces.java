package org.modecollapselab.util;

import java.util.function.Supplier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

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

    private static final String EVALUATION_ID = "mcl-gan-eval";

    /**
     * Runs an evaluation (sampling, D's response) in a workspace of its own and returns its Java result: its ND4J
     * temporaries are released at once instead of waiting for the garbage collector (without this, a notebook's
     * snapshots and samples let the kernel's native memory climb to its JavaCPP limit). The result must not be an
     * ND4J array made inside.
     */
    public static <T> T evaluate(Supplier<T> evaluation) {
        Check.notNull("evaluation", evaluation);
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(PER_ITERATION, EVALUATION_ID)) {
            return evaluation.get();
        }
    }
}
