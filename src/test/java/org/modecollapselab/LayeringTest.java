package org.modecollapselab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of the library, as the root package's javadoc ({@code org/modecollapselab/package-info.java}) lists
 * them: no source file of {@code src/main} refers to a package of a higher layer (imports and fully-qualified names
 * in code; comments are not dependencies), and no remedy package refers to another.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/org/modecollapselab");
    private static final Pattern REFERENCE = Pattern.compile("org\\.modecollapselab\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)"
            + "\\.[A-Z*]");

    /** Package (relative to org.modecollapselab) → layer, from the root package-info's ordered list. */
    static Map<String, Integer> layers() throws IOException {
        String doc = Files.readString(MAIN.resolve("package-info.java"));
        Matcher items = Pattern.compile("<li>(.*?)</li>", Pattern.DOTALL).matcher(doc);
        Map<String, Integer> out = new LinkedHashMap<>();
        int layer = 0;
        while (items.find()) {
            Matcher names = Pattern.compile("\\{@code ([a-z][a-z0-9.]*)}").matcher(items.group(1));
            while (names.find()) {
                out.put(names.group(1), layer);
            }
            layer++;
        }
        return out;
    }

    /** The layer of a package: that of the longest listed name it is, or lies below. */
    static int layerOf(Map<String, Integer> layers, String pkg) {
        String best = null;
        for (String name : layers.keySet()) {
            if ((pkg.equals(name) || pkg.startsWith(name + ".")) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        if (best == null) {
            throw new AssertionError("package org.modecollapselab." + pkg + " is in no layer of the root package-info");
        }
        return layers.get(best);
    }

    static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ")
                .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
    }

    @Test
    void noPackageRefersToAHigherLayer() throws IOException {
        Map<String, Integer> layers = layers();
        assertTrue(layers.size() >= 8, "the root package-info should list the layers, found " + layers);
        List<String> backArrows = new ArrayList<>();
        TreeSet<String> remedyArrows = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
                if (pkg.isEmpty()) {
                    continue;
                }
                int own = layerOf(layers, pkg);
                Matcher m = REFERENCE.matcher(code(Files.readString(f)));
                while (m.find()) {
                    String used = m.group(1);
                    if (layerOf(layers, used) > own) {
                        backArrows.add(MAIN.relativize(f) + " → " + used);
                    }
                    if (pkg.startsWith("remedy.") && used.startsWith("remedy.")
                            && !used.split("\\.")[1].equals(pkg.split("\\.")[1])) {
                        remedyArrows.add(MAIN.relativize(f) + " → " + used);
                    }
                }
            }
        }
        assertEquals(List.of(), backArrows, "references to a higher layer");
        assertEquals(List.of(), List.copyOf(remedyArrows), "remedy packages referring to another remedy");
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                if (!Files.exists(d.resolve("package-info.java"))) {
                    missing.add(MAIN.relativize(d).toString());
                }
            }
        }
        assertEquals(List.of(), missing, "packages without a package-info.java");
    }
}
