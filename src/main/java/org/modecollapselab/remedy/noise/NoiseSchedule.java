package org.modecollapselab.remedy.noise;

import java.util.Locale;
import org.modecollapselab.util.Check;

/**
 * A noise level over training: σ at step 1, falling linearly to 0 at step {@code annealSteps + 1} and staying 0
 * (Sønderby et al. 2016 anneal their instance noise linearly to zero); {@code annealSteps = 0} keeps σ constant.
 * σ is in the GAN's standardised units (the data's standard deviation is 1 in every coordinate).
 *
 * @param sigma       the standard deviation at step 1, &gt;= 0
 * @param annealSteps steps over which σ falls to 0, &gt;= 0 (0: constant)
 */
public record NoiseSchedule(double sigma, int annealSteps) {
    /** Steps over which the catalog's noise remedies anneal σ to 0. */
    public static final int CATALOG_ANNEAL_STEPS = 1000;

    public NoiseSchedule {
        Check.nonNegative("sigma", sigma);
        Check.atLeast("annealSteps", annealSteps, 0);
    }

    /** σ at {@code step} (the first step is 1). */
    public double at(int step) {
        Check.atLeast("step", step, 0);
        if (annealSteps == 0) {
            return sigma;
        }
        return sigma * Math.max(0, 1 - (double) (Math.max(step, 1) - 1) / annealSteps);
    }

    /** "σ=0.5" or "σ=0.5→0 in 1000 steps". */
    public String describe() {
        return String.format(Locale.ROOT, "σ=%s", trim(sigma)) + (annealSteps > 0 ? "→0 in " + annealSteps
                + " steps" : "");
    }

    static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
