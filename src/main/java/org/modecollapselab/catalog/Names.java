package org.modecollapselab.catalog;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.modecollapselab.gan.Catalogued;

/**
 * The one parser of the catalog's {@code name[:argument]} texts ({@link Remedies}, {@link Objectives}): the text is
 * trimmed and lower-cased, split at its first ':', matched against the entries by name, and refused with a message
 * that quotes it when the name is unknown, an argument is missing or extra, or a number is malformed.
 */
final class Names {
    private Names() {
    }

    /**
     * One name of a catalog.
     *
     * @param name     the name before ':'
     * @param argument the argument's name after ':', or null when it takes none
     * @param required whether the argument must be given
     * @param parse    from (the whole lower-cased text, the argument or null) to the value
     */
    record Entry<T>(String name, String argument, boolean required, BiFunction<String, String, T> parse) {
        /** "name", "name[:argument]", or "name:argument" when the argument is required. */
        String display() {
            return argument == null ? name : required ? name + ":" + argument : name + "[:" + argument + "]";
        }
    }

    /** What a catalog calls its values in messages, and how it refuses texts it does not know. */
    record Kind(String noun, String unknownSubject, String missingHint) {
    }

    /** The displays of {@code entries}, in order. */
    static List<String> displays(List<? extends Entry<?>> entries) {
        return entries.stream().map(Entry::display).toList();
    }

    /**
     * The value of {@code text} ({@code name} or {@code name:argument}); a malformed number in the argument
     * ({@link NumberFormatException}, {@link Catalogued.NotANumber}) is refused as such.
     */
    static <T> T parse(Kind kind, String text, List<Entry<T>> entries) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        String[] p = s.split(":", 2);
        String arg = p.length > 1 ? p[1] : null;
        for (Entry<T> e : entries) {
            if (!e.name().equals(p[0])) {
                continue;
            }
            if (arg != null && e.argument() == null) {
                throw new IllegalArgumentException(kind.noun() + " '" + text + "' takes no argument after ':', was '"
                        + arg + "'");
            }
            if (arg == null && e.required()) {
                throw new IllegalArgumentException(kind.noun() + " '" + text + "' needs a " + e.argument()
                        + " after ':', " + kind.missingHint());
            }
            try {
                return e.parse().apply(s, arg);
            } catch (NumberFormatException | Catalogued.NotANumber x) {
                throw new IllegalArgumentException(kind.noun() + " '" + text + "' must have a number after ':', "
                        + "was '" + arg + "'");
            }
        }
        throw new IllegalArgumentException(kind.unknownSubject() + " must be one of " + String.join(", ",
                displays(entries)) + "; was '" + text + "'");
    }
}
