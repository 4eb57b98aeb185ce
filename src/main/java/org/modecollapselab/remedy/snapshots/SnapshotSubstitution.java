package org.modecollapselab.remedy.snapshots;

import java.util.HashMap;
import java.util.Map;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.nn.Network;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepContext;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Snapshot substitution, the second form of "use experience" in Goodfellow's NIPS 2016 GAN tutorial (section 3.2.5
 * and its answer to exercise 5: "occasionally swap in an old generator or discriminator"): now and then G trains, for
 * a few steps, against a copy of D from some steps ago, which still punishes the modes G has since left — so
 * leaving a mode for the one D forgot stops paying. Optionally D, in the same steps, trains on samples of a copy of
 * G from as long ago, so it is reminded of the modes G used to draw.
 *
 * <p>Steps are numbered from 1. Every {@code period} steps a window of {@code duration} steps begins (steps
 * w·P + 1 … w·P + M for w = 1, 2, …); throughout window w, G's loss is computed with a copy of D's parameters as
 * they were after step w·P − S (the initial D where that is before step 1), and, with {@code oldGenerator}, D's
 * generated batch comes from a copy of G from the same moment. D's own parameters and optimiser are never touched:
 * the copy is a second network (the step's {@code generatorOpponent} seam). {@code period = 0} is the plain GAN,
 * exactly. Memory: one copy of each network plus the pending snapshots, about S/P + 1 parameter vectors each.
 *
 * @param period       P: steps between the starts of substitution windows, &gt;= 0 (0: the plain GAN)
 * @param duration     M: steps each window lasts, in [1, P] (windows never overlap)
 * @param age          S: how many steps old the substituted copies are, &gt;= 1
 * @param oldGenerator whether D also trains on an old G's samples during the windows
 */
public record SnapshotSubstitution(int period, int duration, int age, boolean oldGenerator) implements Remedy {
    /**
     * The catalog's names: {@code old-d[:P/M/S]} (for M of every P steps G trains against D from S steps ago) and
     * {@code old-dg[:P/M/S]} (and D against G from S steps ago); default 20/10/100.
     */
    public static final Catalogued CATALOG = Catalogued.text("old-d", "P/M/S", "20/10/100",
            pms -> fromText(pms, false));
    public static final Catalogued CATALOG_OLD_G = Catalogued.text("old-dg", "P/M/S", "20/10/100",
            pms -> fromText(pms, true));

    public SnapshotSubstitution {
        Check.atLeast("period", period, 0);
        Check.atLeast("duration", duration, 1);
        Check.atLeast("age", age, 1);
        if (period > 0 && duration > period) {
            throw new IllegalArgumentException("duration must be <= period (" + period + ") so that windows do not "
                    + "overlap, was " + duration);
        }
    }

    /** G trains against a D from {@code age} steps ago for {@code duration} of every {@code period} steps. */
    public static SnapshotSubstitution oldDiscriminator(int period, int duration, int age) {
        return new SnapshotSubstitution(period, duration, age, false);
    }

    /** The same, and D trains on an old G's samples during the same steps. */
    public static SnapshotSubstitution oldBoth(int period, int duration, int age) {
        return new SnapshotSubstitution(period, duration, age, true);
    }

    @Override
    public String label() {
        return (oldGenerator ? "old D+G" : "old D") + " P=" + period + " M=" + duration + " S=" + age;
    }

    @Override
    public boolean neutral() {
        return period == 0;
    }

    @Override
    public StepHook start(Setup setup) {
        return new State(this, setup.generator(), setup.discriminator());
    }

    /** Whether step {@code s} (from 1) lies in a window, and which: the window's number w, or 0. */
    int window(int s) {
        int w = (s - 1) / period;
        return w >= 1 && s - w * period <= duration ? w : 0;
    }

    /** The copies, and the parameter snapshots waiting for their windows (all outside the step's workspace). */
    static final class State implements StepHook {
        private final SnapshotSubstitution settings;
        private final Network generator;
        private final Network discriminator;
        private final Network oldD;
        private final Network oldG;
        private final INDArray initialD;
        private final INDArray initialG;
        /** Window number → {D's parameters, G's parameters (or null)} after step w·P − S. */
        private final Map<Integer, INDArray[]> pending = new HashMap<>();
        private int active;

        State(SnapshotSubstitution settings, Network generator, Network discriminator) {
            this.settings = settings;
            this.generator = generator;
            this.discriminator = discriminator;
            try (MemoryWorkspace out = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                this.oldD = discriminator.copy();
                this.oldG = settings.oldGenerator ? generator.copy() : null;
                this.initialD = discriminator.parameters().dup();
                this.initialG = settings.oldGenerator ? generator.parameters().dup() : null;
            }
        }

        @Override
        public void beforeStep(StepContext context) {
            int s = context.step();
            int w = settings.window(s);
            if (w == 0) {
                active = 0;
                return;
            }
            if (w != active) {
                INDArray[] snap = pending.remove(w);
                if (snap == null) {
                    snap = new INDArray[] {initialD, initialG};   // w·P − S <= 0: the networks as they started
                }
                oldD.parameters().assign(snap[0]);
                if (oldG != null) {
                    oldG.parameters().assign(snap[1]);
                }
                active = w;
            }
        }

        @Override
        public Network generatorOpponent(StepContext context) {
            return active != 0 ? oldD : null;
        }

        @Override
        public INDArray discriminatorFakes(StepContext context, int update, INDArray latent, INDArray fake,
                                           int[] labels) {
            return active != 0 && oldG != null ? oldG.output(latent) : fake;
        }

        /** Keeps the networks' parameters after step t for the window that starts S steps later. */
        @Override
        public void afterStep(StepContext context) {
            int due = context.step() + settings.age;
            if (due % settings.period == 0) {
                try (MemoryWorkspace out = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                    pending.put(due / settings.period, new INDArray[] {discriminator.parameters().dup(),
                        oldG != null ? generator.parameters().dup() : null});
                }
            }
        }
    }

    /** From the catalog's "P/M/S" (period, duration, age). */
    private static SnapshotSubstitution fromText(String pms, boolean oldGenerator) {
        String[] p = pms.split("/");
        if (p.length != 3) {
            throw new IllegalArgumentException("snapshot substitution takes P/M/S (period, duration, age), was '"
                    + pms + "'");
        }
        int[] v = new int[3];
        for (int i = 0; i < 3; i++) {
            v[i] = Integer.parseInt(p[i].trim());
        }
        return new SnapshotSubstitution(v[0], v[1], v[2], oldGenerator);
    }
}
