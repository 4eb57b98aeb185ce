package org.modecollapselab.knob;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.util.Check;

/**
 * A knob of the one configuration that a sweep turns: each constant sets one setting of a {@link GanConfig} to a
 * value and leaves everything else as the preset has it. Widths and depths are whole numbers; the learning-rate
 * ratio keeps G's learning rate and sets D's to ratio × G's; weight decay and dropout have 0 as their "off" value.
 */
public enum Knob {
    /** Width of every hidden layer of G (its depth unchanged). */
    GENERATOR_WIDTH("g-width", "G hidden width", "G width", 0, false, "w", 64) {
        @Override
        GanConfig set(GanConfig c, double v) {
            return c.withGeneratorHidden(widths(c.generatorHidden().size(), whole(v)));
        }
    },
    /** Width of every hidden layer of D (its depth unchanged). */
    DISCRIMINATOR_WIDTH("d-width", "D hidden width", "D width", 0, false, "w", 64) {
        @Override
        GanConfig set(GanConfig c, double v) {
            return c.withDiscriminatorHidden(widths(c.discriminatorHidden().size(), whole(v)));
        }
    },
    /** Hidden layers of G, each as wide as G's first hidden layer (64 if it has none). */
    GENERATOR_DEPTH("g-depth", "G hidden layers", "G layers", 0, false, "n", 2) {
        @Override
        GanConfig set(GanConfig c, double v) {
            return c.withGeneratorHidden(widths(whole(v), c.generatorHidden().isEmpty() ? 64 : c.generatorHidden().get(0)));
        }
    },
    /** Hidden layers of D, each as wide as D's first hidden layer (64 if it has none). */
    DISCRIMINATOR_DEPTH("d-depth", "D hidden layers", "D layers", 0, false, "n", 2) {
        @Override
        GanConfig set(GanConfig c, double v) {
            return c.withDiscriminatorHidden(widths(whole(v), c.discriminatorHidden().isEmpty() ? 64
                    : c.discriminatorHidden().get(0)));
        }
    },
    /** D's learning rate ÷ G's: G's learning rate stays, D's becomes ratio × G's. */
    LEARNING_RATE_RATIO("lr-ratio", "D/G learning-rate ratio", "D/G lr ratio", 0, false, "r", 2) {
        @Override
        GanConfig set(GanConfig c, double v) {
            double g = c.generatorOptimizer().learningRate();
            return c.withLearningRates(g, g * Check.positive("ratio", v));
        }
    },
    /** Both learning rates. */
    LEARNING_RATE("lr", "learning rate (both)", "lr", 0, false, "η", 1e-3) {
        @Override
        GanConfig set(GanConfig c, double v) {
            return c.withLearningRates(v, v);
        }
    },
    /** Adam's β₁ for both players (their optimisers must be Adam). */
    BETA1("beta1", "Adam β₁ (both)", "Adam β₁", 0, false, "β", 0.5) {
        @Override
        GanConfig set(GanConfig c, double v) {
            return c.withGeneratorOptimizer(beta1(c.generatorOptimizer(), v, "generatorOptimizer"))
                    .withDiscriminatorOptimizer(beta1(c.discriminatorOptimizer(), v, "discriminatorOptimizer"));
        }
    },
    /** Weight decay λ of both players' optimisers (see {@code OptimizerSpec}). */
    WEIGHT_DECAY("weight-decay", "weight decay λ (both)", "weight decay", 0, true, "λ", 1e-3) {
        @Override
        GanConfig set(GanConfig c, double v) {
            return c.withWeightDecay(v, v);
        }
    },
    /** Weight decay λ of D's optimiser only. */
    DISCRIMINATOR_WEIGHT_DECAY("d-weight-decay", "D weight decay λ", "D weight decay", 0, true, "λ", 1e-3) {
        @Override
        GanConfig set(GanConfig c, double v) {
            return c.withDiscriminatorOptimizer(c.discriminatorOptimizer().withWeightDecay(v));
        }
    },
    /** Dropout probability in D's hidden layers. */
    DISCRIMINATOR_DROPOUT("dropout", "D dropout p", "D dropout", 0, true, "p", 0.3) {
        @Override
        GanConfig set(GanConfig c, double v) {
            return c.withDiscriminatorDropout(v);
        }
    };

    private final String id;
    private final String title;
    private final String shortName;
    /** The smallest whole value (widths: checked by the configuration instead). */
    private final int minimum;
    /** Whether the value 0 switches the knob off (weight decay, dropout). */
    private final boolean zeroIsOff;
    /** The argument's name in the catalog ("dropout[:p]") and its value when none is given. */
    private final String argument;
    private final double byDefault;

    Knob(String id, String title, String shortName, int minimum, boolean zeroIsOff, String argument,
         double byDefault) {
        this.id = id;
        this.title = title;
        this.shortName = shortName;
        this.minimum = minimum;
        this.zeroIsOff = zeroIsOff;
        this.argument = argument;
        this.byDefault = byDefault;
    }

    /** The name of the value in the catalog, e.g. "p" in {@code dropout[:p]}. */
    public String argument() {
        return argument;
    }

    /** The value the catalog gives the knob when named without one ({@code dropout} is {@code dropout:0.3}). */
    public double byDefault() {
        return byDefault;
    }

    /** The knob's name in the study command and its CSV files, e.g. "dropout". */
    public String id() {
        return id;
    }

    /** The axis title of a sweep chart, e.g. "D dropout p". */
    public String title() {
        return title;
    }

    abstract GanConfig set(GanConfig c, double v);

    /**
     * {@code config} with this knob at {@code value}; the value is checked by the configuration's own rules (the
     * message names the setting, the rule and the value).
     */
    public GanConfig apply(GanConfig config, double value) {
        Check.notNull("config", config);
        Check.finite(id + " value", value);
        try {
            return set(config, value);
        } catch (IllegalArgumentException e) {
            // Named as the knob's value: "g-width value must be …", or "dropout value: discriminatorDropout must …".
            String m = e.getMessage();
            throw new IllegalArgumentException(m.startsWith(id + " must") ? id + " value" + m.substring(id.length())
                    : id + " value: " + m, e);
        }
    }

    /** Whether {@code value} switches the knob off (weight decay 0, dropout 0): the preset itself. */
    public boolean off(double value) {
        Check.finite("value", value);
        return zeroIsOff && value == 0;
    }

    /** The label of a setting in tables and charts, kept short: "D dropout 0.3", "weight decay 0.001". */
    public String label(double value) {
        Check.finite("value", value);
        return shortName + " " + format(value);
    }

    /** A value as a sweep shows it: at most 3 significant digits, no trailing zeros ("64", "0.3", "0.001", "1e-5"). */
    public static String format(double v) {
        Check.finite("v", v);
        if (v == 0) {
            return "0";
        }
        String s = BigDecimal.valueOf(v).round(new MathContext(3)).stripTrailingZeros().toString();
        return s.replace("E+", "e").replace("E", "e");
    }

    /** The knob with this {@link #id()}. */
    public static Knob named(String id) {
        Check.notNull("id", id);
        for (Knob k : values()) {
            if (k.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        List<String> ids = new ArrayList<>();
        for (Knob k : values()) {
            ids.add(k.id);
        }
        throw new IllegalArgumentException("id (the knob) must be one of " + String.join(", ", ids) + "; was '" + id + "'");
    }

    int whole(double v) {
        if (v != Math.rint(v) || v < minimum || v > 1 << 16) {
            throw new IllegalArgumentException(id + " must be a whole number in [" + minimum + ", 65536], was " + v);
        }
        return (int) v;
    }

    private static Integer[] widths(int layers, int width) {
        Integer[] w = new Integer[layers];
        Arrays.fill(w, width);
        return w;
    }

    private static OptimizerSpec beta1(OptimizerSpec o, double v,
                                                              String name) {
        if (o.kind() != OptimizerSpec.Kind.ADAM) {
            throw new IllegalArgumentException(name + " must be Adam for the beta1 knob, was " + o);
        }
        return new OptimizerSpec(o.kind(), o.learningRate(), v, o.beta2(), o.epsilon(),
                o.weightDecay());
    }
}
