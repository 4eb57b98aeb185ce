package org.modecollapselab.catalog;

import java.util.ArrayList;
import java.util.List;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.gan.Method;
import org.modecollapselab.knob.Knob;
import org.modecollapselab.knob.KnobSetting;
import org.modecollapselab.util.Check;

/**
 * The remedies by name, as the study command, its CSV files and the notebooks name them: each name parses to a
 * {@link Method} (one GAN with the remedy, or a method that trains several GANs).
 *
 * <p>The names are declared beside the remedies: each remedy's class holds its {@link Catalogued} name, argument and
 * default (e.g. {@code Packing.CATALOG}: {@code packing[:m]}, m = 4), found in the {@code org.modecollapselab.remedy}
 * packages when the catalog is first used. Then {@code plain} (the plain GAN) and the knobs of the configuration
 * ({@link Knob}: the plain GAN with one setting changed, e.g. {@code dropout[:p]}, default from
 * {@link Knob#byDefault()}). {@link #describe()} lists every name with its default.
 */
public final class Remedies {
    private Remedies() {
    }

    /** The default line-up of the study command. */
    public static final List<String> DEFAULTS = List.of("plain", "minibatch", "feature-matching", "hybrid",
            "unrolled", "unrolled-first-order", "packing", "replay", "old-d", "old-dg", "adagan", "per-class", "cgan");

    /**
     * The tricks of notebook 08 (InfoGAN, noise, label smoothing, a diversity term, spectral normalisation) and two
     * knobs, with the plain GAN first.
     */
    public static final List<String> TRICKS = List.of("plain", "infogan", "instance-noise", "label-smoothing",
            "g-input-noise", "g-output-noise", "msgan", "spectral-norm", "dropout", "weight-decay");

    private static final Names.Kind KIND = new Names.Kind("remedy", "remedy", "");

    /** Built on first use (the scan loads the remedies' classes). */
    private static final class Catalog {
        static final List<Catalogued> DECLARED = Registry.scan();
        static final List<Names.Entry<Method>> ENTRIES = entries(DECLARED);
    }

    private static List<Names.Entry<Method>> entries(List<Catalogued> declared) {
        List<Names.Entry<Method>> out = new ArrayList<>();
        out.add(new Names.Entry<>("plain", null, false, (s, arg) -> Method.plain()));
        for (Catalogued c : declared) {
            out.add(new Names.Entry<>(c.name(), c.argument(), false, (s, arg) -> c.parse(arg)));
        }
        for (Knob k : Knob.values()) {
            out.add(new Names.Entry<>(k.id(), k.argument(), false, (s, arg) -> new KnobSetting(k,
                    arg == null ? k.byDefault() : Double.parseDouble(arg))));
        }
        return List.copyOf(out);
    }

    /** The names the remedies declare beside themselves, sorted by name (without plain and the knobs). */
    public static List<Catalogued> declared() {
        return Catalog.DECLARED;
    }

    /** Every name with its argument, e.g. "packing[:m]": plain, the remedies' names (sorted), the knobs. */
    public static List<String> names() {
        return Names.displays(Catalog.ENTRIES);
    }

    /** Every name with its default, one a line, e.g. "packing[:m] (default 4)". */
    public static List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add("plain");
        Catalog.DECLARED.forEach(c -> out.add(c.toString()));
        for (Knob k : Knob.values()) {
            out.add(k.id() + "[:" + k.argument() + "] (default " + Knob.format(k.byDefault()) + ")");
        }
        return out;
    }

    /** Parses a remedy name (see the class comment); the remedy's own settings are validated here. */
    public static Method parse(String remedy) {
        Check.notNull("remedy", remedy);
        return Names.parse(KIND, remedy, Catalog.ENTRIES);
    }
}
