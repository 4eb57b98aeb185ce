package org.modecollapselab.gan;

import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.util.Check;

/**
 * A name under which the catalog ({@code org.modecollapselab.catalog.Remedies}) lists a remedy, declared beside the
 * remedy as a {@code public static final Catalogued} field of its class: the name, the argument it takes after
 * {@code ':'} and the argument's default, and how the remedy is made from it. The catalog finds every such field in
 * the {@code org.modecollapselab.remedy} packages, so that a new remedy is listed without touching any other file:
 *
 * <pre>{@code
 * public static final Catalogued CATALOG = Catalogued.integer("packing", "m", 4, Packing::new);
 * }</pre>
 *
 * A step remedy is trained as one GAN with it ({@link Method#of}); a remedy that trains several GANs declares its
 * {@link Method} ({@link #method}).
 */
public final class Catalogued {
    private final String name;
    private final String argument;
    private final String byDefault;
    private final Function<String, Method> make;

    private Catalogued(String name, String argument, String byDefault, Function<String, Method> make) {
        this.name = Check.notBlank("name", name);
        if (!name.equals(name.trim().toLowerCase(Locale.ROOT)) || name.contains(":")) {
            throw new IllegalArgumentException("name must be lower case without spaces or ':', was '" + name + "'");
        }
        this.argument = argument == null ? null : Check.notBlank("argument", argument);
        this.byDefault = byDefault;
        this.make = make;
    }

    /** A remedy that takes no argument, e.g. {@code spectral-norm}. */
    public static Catalogued of(String name, Supplier<? extends Remedy> remedy) {
        Check.notNull("remedy", remedy);
        return new Catalogued(name, null, null, arg -> Method.of(remedy.get()));
    }

    /** A remedy of one whole-number argument, e.g. {@code packing[:m]}, {@code m} being 4 when not given. */
    public static Catalogued integer(String name, String argument, int byDefault, IntFunction<? extends Remedy> remedy) {
        Check.notBlank("argument", argument);
        Check.notNull("remedy", remedy);
        return new Catalogued(name, argument, Integer.toString(byDefault), arg -> Method.of(remedy.apply(
                arg == null ? byDefault : Integer.parseInt(arg))));
    }

    /** A remedy of one number, e.g. {@code replay[:f]}, {@code f} being 0.5 when not given. */
    public static Catalogued number(String name, String argument, double byDefault,
                                    DoubleFunction<? extends Remedy> remedy) {
        Check.finite("byDefault", byDefault);
        Check.notBlank("argument", argument);
        Check.notNull("remedy", remedy);
        return new Catalogued(name, argument, Double.toString(byDefault), arg -> Method.of(remedy.apply(
                arg == null ? byDefault : Double.parseDouble(arg))));
    }

    /**
     * A remedy of an argument it parses itself (e.g. "P/M/S"), given {@code byDefault} when none is named;
     * {@code remedy} may throw {@link NumberFormatException} for a malformed number.
     */
    public static Catalogued text(String name, String argument, String byDefault,
                                  Function<String, ? extends Remedy> remedy) {
        Check.notBlank("argument", argument);
        Check.notBlank("byDefault", byDefault);
        Check.notNull("remedy", remedy);
        return new Catalogued(name, argument, byDefault, arg -> Method.of(remedy.apply(arg == null ? byDefault : arg)));
    }

    /** A remedy that trains several GANs, of one whole-number argument, e.g. {@code adagan[:T]}. */
    public static Catalogued method(String name, String argument, int byDefault, IntFunction<? extends Method> method) {
        Check.notBlank("argument", argument);
        Check.notNull("method", method);
        return new Catalogued(name, argument, Integer.toString(byDefault), arg -> method.apply(
                arg == null ? byDefault : Integer.parseInt(arg)));
    }

    /**
     * A remedy made for the data set it trains on (a conditional GAN's one-hot width is the data's number of
     * classes), labelled {@code label}; it takes no argument.
     */
    public static Catalogued forData(String name, String label, Function<DataSource, ? extends Remedy> remedy) {
        Check.notBlank("label", label);
        Check.notNull("remedy", remedy);
        return new Catalogued(name, null, null, arg -> new ForData(label, remedy));
    }

    /** The catalog name, e.g. "packing". */
    public String name() {
        return name;
    }

    /** The argument's name after ':' (e.g. "m"), or null when the remedy takes none. */
    public String argument() {
        return argument;
    }

    /** The argument when none is given, as text (e.g. "4"), or null when the remedy takes none. */
    public String byDefault() {
        return byDefault;
    }

    /** The name as the catalog lists it: "packing[:m]", or the bare name. */
    public String display() {
        return argument == null ? name : name + "[:" + argument + "]";
    }

    /**
     * The method for the text after ':' ({@code null}: the default). The remedy validates its settings.
     *
     * @throws NotANumber when a number in {@code argument} is malformed
     */
    public Method parse(String argument) {
        if (argument != null && this.argument == null) {
            throw new IllegalArgumentException("argument must be absent: " + name + " takes none, was '" + argument
                    + "'");
        }
        try {
            return make.apply(argument);
        } catch (NumberFormatException e) {
            throw new NotANumber(argument);
        }
    }

    @Override
    public String toString() {
        return display() + (byDefault == null ? "" : " (default " + byDefault + ")");
    }

    /** A malformed number in a catalog argument. */
    public static final class NotANumber extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotANumber(String argument) {
            super("argument must be a number (or numbers), was '" + argument + "'");
        }
    }

    /** A method whose remedy is made afresh for each data set it trains on. */
    private record ForData(String label, Function<DataSource, ? extends Remedy> make) implements Method {
        @Override
        public boolean neutral() {
            return false;
        }

        @Override
        public void check(DataSource data, GanConfig config) {
            Method.of(make.apply(Check.notNull("data", data))).check(data, config);
        }

        @Override
        public Trained train(DataSource data, GanConfig config, int steps, TrainingOptions options) {
            return Method.of(make.apply(Check.notNull("data", data))).train(data, config, steps, options);
        }
    }
}
