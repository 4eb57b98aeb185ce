package org.modecollapselab.study;

import java.util.List;
import java.util.Locale;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.data.GaussianMixture;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.metric.CoverageThresholds;
import org.modecollapselab.util.Check;

/**
 * A data set with the GAN, training length and coverage thresholds a study uses for it.
 *
 * @param name       the name in commands and CSV files
 * @param data       the data
 * @param config     the plain GAN (seeds are set per run)
 * @param steps      training steps per run, &gt;= 1
 * @param thresholds how coverage is scored
 */
public record StudyCase(String name, DataSource data, GanConfig config, int steps, CoverageThresholds thresholds) {
    /** The study command's data sets. */
    public static final List<String> DEFAULTS = List.of("temperature", "ring", "grid");

    public StudyCase {
        Check.notBlank("name", name);
        Check.notNull("data", data);
        Check.notNull("config", config);
        Check.atLeast("steps", steps, 1);
        Check.notNull("thresholds", thresholds);
    }

    public StudyCase withSteps(int v) {
        return new StudyCase(name, data, config, v, thresholds);
    }

    /**
     * A data set by name: {@code temperature} (the 1-D collapse preset, 1,200 steps, 3σ and 5% per mode),
     * {@code ring} and {@code grid} (the teaching mixtures with their collapse presets, VEEGAN's thresholds),
     * {@code pacgan-ring} and {@code pacgan-grid} (PacGAN's mixtures and architecture, 20,000 steps).
     */
    public static StudyCase named(String dataset) {
        String spec = Check.notNull("dataset", dataset);
        String s = spec.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "temperature" -> new StudyCase(s, TemperatureData.aliceSpringsAndSouthPole(),
                    GanConfig.temperatureCollapse(), 1200, CoverageThresholds.standard());
            case "ring" -> new StudyCase(s, GaussianMixture.teachingRing(), GanConfig.ringCollapse(), 2000,
                    CoverageThresholds.veegan());
            case "grid" -> new StudyCase(s, GaussianMixture.teachingGrid(), GanConfig.gridCollapse(), 3000,
                    CoverageThresholds.veegan());
            case "pacgan-ring" -> new StudyCase(s, GaussianMixture.pacganRing(), GanConfig.pacgan2d(), 20000,
                    CoverageThresholds.veegan());
            case "pacgan-grid" -> new StudyCase(s, GaussianMixture.pacganGrid(), GanConfig.pacgan2d(), 20000,
                    CoverageThresholds.veegan());
            default -> throw new IllegalArgumentException("dataset must be one of temperature, ring, grid, "
                    + "pacgan-ring, pacgan-grid; was '" + spec + "'");
        };
    }
}
