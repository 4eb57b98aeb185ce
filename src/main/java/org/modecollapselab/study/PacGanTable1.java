package org.modecollapselab.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.modecollapselab.gan.Method;
import org.modecollapselab.remedy.packing.Packing;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reproduction of Table 1 of PacGAN (Lin, Khetan, Fanti and Oh, NeurIPS 2018): GAN, PacGAN2, PacGAN3 and PacGAN4
 * on the 2-D ring (8 modes, radius 1, σ 0.01) and grid (25 modes, σ 0.05), with the paper's architecture and
 * training settings as read from its code ({@link org.modecollapselab.config.GanConfig#pacgan2d()}): batches of 100
 * packs (PacGAN-m sees 100·m samples per step), Adam 10⁻⁴ with β₁ 0.8, 10 trials, 2,500 samples scored with
 * VEEGAN's thresholds. The paper trains 400 epochs of 100,000 samples (400,000 steps of 100 packs); that is the
 * default here, and {@code --steps} shortens it ({@code environment/study --preset pacgan-table1}: a
 * {@link NamedPlan}).
 */
public final class PacGanTable1 {
    /** Steps of the paper's schedule: 400 epochs × 100,000 samples / 100 per batch. */
    static final int PAPER_STEPS = 400_000;

    private PacGanTable1() {
    }

    /** One published cell group: mean ± standard error over 10 trials (PacGAN's Table 1). */
    public record Published(String dataset, String method, double modes, double modesSe, double hq, double hqSe, double kl,
                     double klSe) {
        public Published {
            Check.notNull("dataset", dataset);
            Check.notNull("method", method);
        }
    }

    /** The published Table 1 (GAN and PacGAN rows; ALI is not reproduced). */
    public static final List<Published> PAPER = List.of(
            new Published("pacgan-ring", "GAN", 6.3, 0.5, 98.2, 0.2, 0.45, 0.09),
            new Published("pacgan-ring", "PacGAN2", 7.9, 0.1, 95.6, 2.0, 0.07, 0.03),
            new Published("pacgan-ring", "PacGAN3", 7.8, 0.1, 97.7, 0.3, 0.10, 0.02),
            new Published("pacgan-ring", "PacGAN4", 7.8, 0.1, 95.9, 1.4, 0.07, 0.02),
            new Published("pacgan-grid", "GAN", 17.3, 0.8, 94.8, 0.7, 0.70, 0.07),
            new Published("pacgan-grid", "PacGAN2", 23.8, 0.7, 91.3, 0.8, 0.13, 0.04),
            new Published("pacgan-grid", "PacGAN3", 24.6, 0.4, 94.2, 0.4, 0.06, 0.02),
            new Published("pacgan-grid", "PacGAN4", 24.8, 0.2, 93.6, 0.6, 0.04, 0.01));

    /** The published rows as a table: dataset, method, modes ± se, high-quality % ± se, reverse KL ± se. */
    public static Table published() {
        StringColumn d = StringColumn.create("dataset");
        StringColumn m = StringColumn.create("method");
        StringColumn modes = StringColumn.create("modes");
        StringColumn hq = StringColumn.create("high-quality %");
        StringColumn kl = StringColumn.create("reverse KL");
        for (Published p : PAPER) {
            d.append(p.dataset().replace("pacgan-", ""));
            m.append(p.method());
            modes.append(String.format(Locale.ROOT, "%.1f ± %.1f", p.modes(), p.modesSe()));
            hq.append(String.format(Locale.ROOT, "%.1f ± %.1f", p.hq(), p.hqSe()));
            kl.append(String.format(Locale.ROOT, "%.2f ± %.2f", p.kl(), p.klSe()));
        }
        return Table.create("PacGAN Table 1 (published, 10 trials, mean ± standard error)", d, m, modes, hq, kl);
    }

    /** GAN and PacGAN2–4 as the paper trains them: packs of m, batches of 100 packs. */
    public static List<Method> methods() {
        List<Method> methods = new ArrayList<>();
        for (int m = 1; m <= 4; m++) {
            methods.add(Method.of(Packing.pacgan(m, 100)));
        }
        return methods;
    }

    /** Ours (a {@link StudyReport#summary} of this preset) next to the paper's, as Markdown. */
    public static String sideBySide(Table summary, int steps, int trials) {
        StudyReport.checkSummary(summary);
        Check.atLeast("steps", steps, 1);
        Check.atLeast("trials", trials, 1);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Ours: %d steps, %d trials. Paper: 400,000 steps, 10 trials. Mean ± standard error.%n%n", steps,
                trials));
        sb.append("| data set | method | modes (ours) | modes (paper) | high-quality % (ours) | high-quality % (paper)"
                + " | reverse KL (ours) | reverse KL (paper) |\n|---|---|---|---|---|---|---|---|\n");
        for (Published p : PAPER) {
            int row = -1;
            for (int i = 0; i < summary.rowCount(); i++) {
                if (summary.stringColumn("dataset").get(i).equals(p.dataset())
                        && summary.stringColumn("remedy").get(i).equals(p.method())) {
                    row = i;
                }
            }
            if (row < 0) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f ± %.1f | %s | %.1f ± %.1f | %s | %.2f ± %.2f |%n",
                    p.dataset().replace("pacgan-", ""), p.method(), StudyReport.pm(summary, "modes", row, 1),
                    p.modes(), p.modesSe(), StudyReport.pm(summary, "high_quality_pct", row, 1), p.hq(), p.hqSe(),
                    StudyReport.pm(summary, "reverse_kl", row, 2), p.kl(), p.klSe()));
        }
        return sb.toString();
    }
}
