package org.modecollapselab.study;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.modecollapselab.bench.StepTimer;
import org.modecollapselab.catalog.ObjectiveSetting;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.knob.KnobSetting;
import org.modecollapselab.util.Check;

/**
 * The study command's {@code --preset cost}: each method's training step timed against the baseline's on the same
 * data set ({@link StudyCommand#cost}). A benchmark, not a test.
 */
final class StudyCost {
    private StudyCost() {
    }

    /** The one GAN a method trains (under its objective, if any), or null for several GANs. */
    static Method.OneGan oneGan(Method m) {
        if (m instanceof ObjectiveSetting.WithObjective w) {
            return w.oneGan();
        }
        return m instanceof Method.OneGan g ? g : null;
    }

    /** The configuration a method trains with: its objective setting's, or the data set's. */
    static GanConfig configure(Method m, GanConfig config) {
        return m instanceof ObjectiveSetting.WithObjective w ? w.setting().configure(config) : config;
    }

    /** Whether {@code cost} can time the method: one GAN with fixed remedies, or the plain GAN with a knob set. */
    static boolean timesOneGan(Method m) {
        return m instanceof KnobSetting || oneGan(m) != null;
    }

    /** The one GAN {@code cost} times for a method on a case, seed 1. */
    static Gan oneGan(StudyCase c, Method m) {
        if (m instanceof KnobSetting k) {
            return Gan.create(c.data(), k.configure(c.config().withSeed(1)));
        }
        return Gan.create(c.data(), configure(m, c.config()).withSeed(1), oneGan(m).remedies());
    }

    /** See {@link StudyCommand#cost(List, List, int, StepTimer.Clock)}. */
    static String cost(List<StudyCase> cases, List<Method> methods, int steps, StepTimer.Clock clock) {
        Study.checkAll(cases, methods);   // every method against every case, before the first case is timed
        Check.atLeast("steps", steps, 1);
        Check.notNull("clock", clock);
        List<String> skipped = methods.stream().filter(m -> !timesOneGan(m)).map(Method::label).toList();
        methods = methods.stream().filter(StudyCost::timesOneGan).toList();
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("cost times one GAN's step with fixed remedies; every method given ("
                    + String.join(", ", skipped) + ") trains several GANs or builds its remedies per data set");
        }
        StringBuilder sb = new StringBuilder("| data set | remedy | steps/s (median of 3" + (clock == StepTimer.Clock.WALL
                ? "" : ", CPU time") + ") | relative to plain |\n"
                + "|---|---|---|---|\n");
        for (StudyCase c : cases) {
            List<Supplier<Gan>> gans = methods.stream().<Supplier<Gan>>map(m -> () -> oneGan(c, m)).toList();
            double[] sps = StepTimer.medians(gans, 100, steps, 3, clock);
            double base = Double.NaN;
            for (int i = 0; i < methods.size(); i++) {
                if (methods.get(i).neutral() && Double.isNaN(base)) {
                    base = sps[i];
                }
            }
            for (int i = 0; i < methods.size(); i++) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.2f |%n", c.name(), methods.get(i).label(),
                        sps[i], sps[i] / base));
            }
        }
        if (!skipped.isEmpty()) {
            sb.append("\n(not timed here: ").append(String.join(", ", skipped)).append(" — they train several GANs or "
                    + "build their remedies per data set; their cost is the study's speed column)\n");
        }
        return sb.toString();
    }
}
