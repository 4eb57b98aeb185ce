package org.modecollapselab.knob;

import java.util.List;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.util.Check;

/**
 * A knob at one value, as a {@link Method}: the plain GAN trained with the configuration the study gives, changed
 * by the knob. It is neutral (a study's baseline) only where the value switches the knob off (dropout 0, weight
 * decay 0).
 *
 * @param knob  the knob
 * @param value its value (checked against a configuration by {@link #check})
 */
public record KnobSetting(Knob knob, double value) implements Method {
    public KnobSetting {
        Check.notNull("knob", knob);
        Check.finite(knob.id() + " value", value);
        knob.apply(GanConfig.temperatureCollapse(), value);   // the knob's own range
    }

    /** The configuration this setting trains with. */
    public GanConfig configure(GanConfig config) {
        return knob.apply(config, value);
    }

    @Override
    public String label() {
        return knob.label(value);
    }

    @Override
    public boolean neutral() {
        return knob.off(value);
    }

    @Override
    public void check(DataSource data, GanConfig config) {
        Gan.check(data, configure(config), List.of());
    }

    @Override
    public Trained train(DataSource data, GanConfig config, int steps, TrainingOptions options) {
        Gan gan = Gan.create(data, configure(config));
        return new Trained(gan, gan.train(steps, options));
    }
}
