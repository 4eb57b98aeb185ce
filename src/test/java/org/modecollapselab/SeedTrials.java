package org.modecollapselab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.modecollapselab.gan.Method;
import org.modecollapselab.study.Study;
import org.modecollapselab.study.StudyCase;
import org.modecollapselab.study.StudyProgress;

/**
 * Trained outcomes over seeds: the statistical half of the README's rule for numbers ("Tests: the rule for
 * numbers"). A GAN's trajectory is chaotic: on another CPU, BLAS kernel or memory layout the last bits of the first
 * step differ, and a few hundred steps later the run is as different as a run from another seed. So a test never
 * pins one seed's outcome; it asserts a mean over several seeds against a bound that sits a margin away from what
 * we measured, and the margin is checked by running the same test on other seeds ({@code -Dmcl.test.seedOffset=100},
 * 200, …: {@code environment/checks/numeric-paths}), which is what another machine's trajectories amount to.
 *
 * <p>Runs go through the study engine ({@link Study#runs(List, int, Study.Protocol, StudyProgress)}), one per core,
 * and are kept for the test JVM: the plain GAN's runs serve every remedy's test. A run's numbers do not depend on
 * the threads.
 */
public final class SeedTrials {
    /** Added to every statistical test's seeds; 0 unless {@code -Dmcl.test.seedOffset} says otherwise. */
    public static final int OFFSET = Integer.getInteger("mcl.test.seedOffset", 0);

    private static final Map<String, Study.Run> RUNS = new ConcurrentHashMap<>();

    private SeedTrials() {
    }

    /** Seeds 1..n, shifted by {@link #OFFSET}. */
    public static int[] seeds(int n) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = OFFSET + i + 1;
        }
        return s;
    }

    /** {@code method} on {@code c} for seeds 1..n (+ offset), standard protocol. */
    public static Runs of(StudyCase c, Method method, int n) {
        return of(c, method, n, Study.Protocol.standard());
    }

    /** The same, scored as {@code protocol} says. */
    public static Runs of(StudyCase c, Method method, int n, Study.Protocol protocol) {
        return all(c, n, protocol, method).get(0);
    }

    /** Several methods on one case for seeds 1..n (+ offset), all missing runs trained at once on every core. */
    public static List<Runs> all(StudyCase c, int n, Study.Protocol protocol, Method... methods) {
        int[] seeds = seeds(n);
        List<Study.Task> missing = new ArrayList<>();
        for (Method m : methods) {
            for (int s : seeds) {
                if (!RUNS.containsKey(key(c, m, s, protocol))) {
                    missing.add(new Study.Task(c, m, s));
                }
            }
        }
        if (!missing.isEmpty()) {
            for (Study.Run r : Study.runs(missing, Study.defaultThreads(), protocol, StudyProgress.NONE)) {
                Method m = Arrays.stream(methods).filter(x -> x.label().equals(r.method())).findFirst().orElseThrow();
                RUNS.put(key(c, m, r.seed(), protocol), r);
            }
        }
        List<Runs> out = new ArrayList<>();
        for (Method m : methods) {
            List<Study.Run> runs = new ArrayList<>();
            for (int s : seeds) {
                runs.add(RUNS.get(key(c, m, s, protocol)));
            }
            out.add(new Runs(c.name() + " (" + c.steps() + " steps), " + m.label(), List.copyOf(runs)));
        }
        return out;
    }

    private static String key(StudyCase c, Method m, int seed, Study.Protocol p) {
        return c.name() + "|" + c.steps() + "|" + c.config() + "|" + m.label() + "|" + seed + "|" + p;
    }

    /** One method's runs on one case, one per seed. */
    public record Runs(String what, List<Study.Run> runs) {
        public Measure modes() {
            return measure("modes", r -> r.modesCaptured());
        }

        public Measure highQuality() {
            return measure("high-quality %", Study.Run::highQualityPercent);
        }

        public Measure hops() {
            return measure("hops", r -> r.hops());
        }

        /** 1 for each seed whose run satisfies the condition, else 0: the mean is the fraction of seeds. */
        public Measure fraction(String name, java.util.function.Predicate<Study.Run> condition) {
            return measure(name, r -> condition.test(r) ? 1 : 0);
        }

        public Measure measure(String name, ToDoubleFunction<Study.Run> f) {
            return new Measure(what + ": " + name, runs.stream().mapToInt(Study.Run::seed).toArray(),
                    runs.stream().mapToDouble(f).toArray());
        }
    }

    /** One number per seed, with its mean and standard error. */
    public record Measure(String what, int[] seeds, double[] values) {
        public double mean() {
            return Arrays.stream(values).average().orElse(Double.NaN);
        }

        public double sd() {
            double m = mean();
            return values.length < 2 ? 0 : Math.sqrt(Arrays.stream(values).map(v -> (v - m) * (v - m)).sum()
                    / (values.length - 1));
        }

        public double se() {
            return sd() / Math.sqrt(values.length);
        }

        /** The median: robust where a few seeds stray far (a ring run that stops circling hops twice, not fifty times). */
        public double median() {
            double[] v = values.clone();
            Arrays.sort(v);
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }

        /** The values paired with a baseline's, seed by seed: how many exceed the baseline's. */
        public int countAbove(Measure baseline) {
            int n = 0;
            for (int i = 0; i < values.length; i++) {
                n += values[i] > baseline.values[i] ? 1 : 0;
            }
            return n;
        }

        @Override
        public String toString() {
            String vs = Arrays.stream(values).mapToObj(v -> v == Math.rint(v) ? String.valueOf((long) v)
                    : String.format(Locale.ROOT, "%.1f", v)).reduce((a, b) -> a + ", " + b).orElse("");
            return String.format(Locale.ROOT, "%s mean %.2f ± %.2f (s.e.), median %.1f, over seeds %d–%d [%s]", what,
                    mean(), se(), median(), seeds[0], seeds[seeds.length - 1], vs);
        }
    }

    /** Prints the measure and asserts its mean is at least {@code bound}. */
    public static void assertMeanAtLeast(Measure m, double bound) {
        System.out.println(m);
        assertTrue(m.mean() >= bound, m + ": the mean should be >= " + bound);
    }

    /** Prints the measure and asserts its mean is at most {@code bound}. */
    public static void assertMeanAtMost(Measure m, double bound) {
        System.out.println(m);
        assertTrue(m.mean() <= bound, m + ": the mean should be <= " + bound);
    }

    /** Asserts that {@code other}'s median is at most {@code fraction} of {@code base}'s. */
    public static void assertMedianAtMostFractionOf(Measure base, Measure other, double fraction) {
        System.out.println(base + "\n" + other);
        assertTrue(other.median() <= fraction * base.median(), other + "\n  vs " + base + ":\n  the median should be at "
                + "most " + fraction + " of the baseline's (" + fraction * base.median() + ")");
    }

    /** Asserts that {@code other}'s mean exceeds {@code base}'s by at least {@code gain}. */
    public static void assertGainAtLeast(Measure base, Measure other, double gain) {
        System.out.println(base + "\n" + other);
        assertTrue(other.mean() - base.mean() >= gain, other + "\n  vs " + base + ":\n  the mean should be higher by >= "
                + gain + ", was " + (other.mean() - base.mean()));
    }

    /** Asserts that {@code other}'s mean exceeds {@code base}'s by at most {@code gain} (it does not help). */
    public static void assertGainAtMost(Measure base, Measure other, double gain) {
        System.out.println(base + "\n" + other);
        assertTrue(other.mean() - base.mean() <= gain, other + "\n  vs " + base + ":\n  the mean should be higher by "
                + "at most " + gain + ", was " + (other.mean() - base.mean()));
    }
}
