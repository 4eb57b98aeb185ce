package org.modecollapselab.metric;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.modecollapselab.util.Check;

/**
 * Which modes each value of a categorical latent code (InfoGAN's) produces: one row per code value, one column
 * per mode plus "off-mode" (samples that are no high-quality sample of any mode), each cell the share of that
 * code's samples.
 *
 * @param modeNames    the modes' names
 * @param shares       [code][mode]: share of the code's samples that are high-quality samples of the mode
 * @param offMode      [code]: share of the code's samples off every mode
 * @param pickShare    a code <em>picks</em> a mode when at least this share of its samples belong to it
 * @param picked       [code]: the mode the code picks, or −1
 */
public record CodeModeTable(List<String> modeNames, double[][] shares, double[] offMode, double pickShare,
                            int[] picked) {
    public CodeModeTable {
        Check.noNulls("modeNames", modeNames);
        Check.noNulls("shares", Check.notNull("shares", shares));
        Check.notNull("offMode", offMode);
        Check.notNull("picked", picked);
        modeNames = List.copyOf(modeNames);
        shares = deepCopy(shares);
        offMode = offMode.clone();
        picked = picked.clone();
    }

    /**
     * The table from one coverage report per code value (samples drawn with the code fixed).
     *
     * @param pickShare in (0.5, 1]: above one half, so that a code picks at most one mode
     */
    public static CodeModeTable of(List<CoverageReport> perCode, double pickShare) {
        Check.notEmpty("perCode", perCode);
        if (!(pickShare > 0.5 && pickShare <= 1)) {
            throw new IllegalArgumentException("pickShare must be in (0.5, 1], was " + pickShare);
        }
        int k = perCode.size();
        double[][] shares = new double[k][];
        double[] off = new double[k];
        int[] picked = new int[k];
        List<String> names = Check.notNull("perCode[0]", perCode.get(0)).modeNames();
        for (int c = 0; c < k; c++) {
            CoverageReport r = Check.notNull("perCode[" + c + "]", perCode.get(c));
            if (!r.modeNames().equals(names)) {
                throw new IllegalArgumentException("perCode[" + c + "] must score the modes " + names + ", was "
                        + r.modeNames());
            }
            shares[c] = r.fractions();
            off[c] = r.offModeFraction();
            picked[c] = -1;
            for (int m = 0; m < shares[c].length; m++) {
                if (shares[c][m] >= pickShare) {
                    picked[c] = m;
                }
            }
        }
        return new CodeModeTable(names, shares, off, pickShare, picked);
    }

    @Override
    public double[][] shares() {
        return deepCopy(shares);
    }

    @Override
    public double[] offMode() {
        return offMode.clone();
    }

    @Override
    public int[] picked() {
        return picked.clone();
    }

    public int codes() {
        return shares.length;
    }

    /** Code values that pick a mode. */
    public int codesPicking() {
        int n = 0;
        for (int p : picked) {
            n += p >= 0 ? 1 : 0;
        }
        return n;
    }

    /** Distinct modes picked by some code value: the modes the code "names". */
    public int modesPicked() {
        Set<Integer> s = new LinkedHashSet<>();
        for (int p : picked) {
            if (p >= 0) {
                s.add(p);
            }
        }
        return s.size();
    }

    /**
     * The mutual information between the code (uniform over its values) and where a sample lands (a mode, or
     * off-mode), in nats: log(number of values) when each code value sends all its samples to a mode of its own,
     * 0 when the code makes no difference.
     */
    public double mutualInformation() {
        int k = shares.length;
        int cells = modeNames.size() + 1;
        double[] marginal = new double[cells];
        for (int c = 0; c < k; c++) {
            for (int m = 0; m < cells; m++) {
                marginal[m] += cell(c, m) / k;
            }
        }
        double mi = 0;
        for (int c = 0; c < k; c++) {
            for (int m = 0; m < cells; m++) {
                double p = cell(c, m);
                if (p > 0) {
                    mi += p / k * Math.log(p / marginal[m]);
                }
            }
        }
        return mi;
    }

    private double cell(int code, int m) {
        return m < modeNames.size() ? shares[code][m] : offMode[code];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%d of %d code values pick a mode (≥ %.0f%% of their samples); %d distinct modes picked; "
                        + "I(code; mode) = %.2f nats (max %.2f)%n", codesPicking(), codes(), 100 * pickShare,
                modesPicked(), mutualInformation(), Math.log(codes())));
        List<String> header = new ArrayList<>(modeNames);
        header.add("off-mode");
        sb.append(String.format(Locale.ROOT, "%-6s", "code"));
        for (String h : header) {
            sb.append(String.format(Locale.ROOT, " %8s", h.length() > 8 ? h.substring(0, 8) : h));
        }
        sb.append(System.lineSeparator());
        for (int c = 0; c < codes(); c++) {
            sb.append(String.format(Locale.ROOT, "%-6d", c));
            for (int m = 0; m <= modeNames.size(); m++) {
                sb.append(String.format(Locale.ROOT, " %7.1f%%", 100 * cell(c, m)));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
