package org.modecollapselab.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.gan.Method;
import org.modecollapselab.remedy.featurematching.FeatureMatching;
import org.modecollapselab.remedy.packing.Packing;

/** The catalog finds the names the remedies declare beside themselves, in a class folder and in a jar. */
class RegistryTest {
    private static final Path REMEDIES = Path.of("src/main/java/org/modecollapselab/remedy");

    @Test
    void everyRemedyPackageDeclaresItsNamesAndEveryDefaultParses() throws Exception {
        Set<String> declaring = new TreeSet<>();
        for (String name : Registry.classNames(Registry.class.getClassLoader())) {
            Class<?> c = Class.forName(name);
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == Catalogued.class && Modifier.isStatic(f.getModifiers())) {
                    declaring.add(c.getPackageName().substring(Registry.PACKAGE.length() + 1));
                }
            }
        }
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(REMEDIES)) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertEquals(packages, declaring, "every remedy package should declare its catalog name(s)");
        DataSource data = TemperatureData.aliceSpringsAndSouthPole();
        for (Catalogued c : Remedies.declared()) {
            Method m = Remedies.parse(c.name());
            m.check(data, GanConfig.temperatureCollapse());
            assertFalse(m.label().isBlank(), c.name());
            if (c.argument() != null) {
                assertEquals(m.label(), Remedies.parse(c.name() + ":" + c.byDefault()).label(), c.name()
                        + "'s default");
            }
        }
        assertEquals("plain", Remedies.names().get(0));
        assertTrue(Remedies.names().contains("packing[:m]"), Remedies.names().toString());
        assertTrue(Remedies.describe().contains("packing[:m] (default 4)"), Remedies.describe().toString());
    }

    /** Two declarations of one name. */
    static final class Twice {
        public static final Catalogued A = Catalogued.integer("twice", "m", 2, Packing::new);
        public static final Catalogued B = Catalogued.number("twice", "w", 0.5, FeatureMatching::new);
    }

    /** A declaration that is not final. */
    static final class NotFinal {
        public static Catalogued a = Catalogued.integer("not-final", "m", 2, Packing::new);
    }

    @Test
    void aNameIsDeclaredOnceAndFinal() {
        assertEquals("catalog name 'twice' must be declared once, was declared by "
                + Twice.class.getName() + ".A and " + Twice.class.getName() + ".B", assertThrows(
                IllegalStateException.class, () -> Registry.collect(List.of(Twice.class))).getMessage());
        assertEquals("catalog field " + NotFinal.class.getName() + ".a must be public static final",
                assertThrows(IllegalStateException.class, () -> Registry.collect(List.of(NotFinal.class)))
                        .getMessage());
    }

    @Test
    void theScanFindsTheSameNamesInAJar(@TempDir Path dir) throws Exception {
        Path classes = Path.of(Registry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("library.jar");
        // Files only, no directory entries (as some build tools write jars).
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        try (URLClassLoader loader = new LibraryFirst(new URL[] {jar.toUri().toURL()},
                RegistryTest.class.getClassLoader())) {
            Class<?> remedies = loader.loadClass(Remedies.class.getName());
            assertEquals(jar.toUri().toURL().getPath(), remedies.getProtectionDomain().getCodeSource().getLocation()
                    .getPath(), "the catalog should come from the jar");
            Object names = remedies.getMethod("names").invoke(null);
            assertEquals(Remedies.names(), names);
        }
    }

    /** Loads the library's classes from its own URLs first, everything else from the parent. */
    private static final class LibraryFirst extends URLClassLoader {
        LibraryFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && name.startsWith("org.modecollapselab.")) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = null;
                    }
                }
                if (c == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    @Test
    void theParserQuotesWhatItRefuses() {
        List<String> messages = new ArrayList<>();
        for (String bad : List.of("nonsense", "packing:x", "spectral-norm:2", "old-d:1/2")) {
            messages.add(assertThrows(IllegalArgumentException.class, () -> Remedies.parse(bad)).getMessage());
        }
        assertTrue(messages.get(0).startsWith("remedy must be one of plain, "), messages.get(0));
        assertTrue(messages.get(0).endsWith("; was 'nonsense'"), messages.get(0));
        assertEquals("remedy 'packing:x' must have a number after ':', was 'x'", messages.get(1));
        assertEquals("remedy 'spectral-norm:2' takes no argument after ':', was '2'", messages.get(2));
        assertEquals("snapshot substitution takes P/M/S (period, duration, age), was '1/2'", messages.get(3));
        assertEquals("remedy 'old-d:1/x/3' must have a number after ':', was '1/x/3'", assertThrows(
                IllegalArgumentException.class, () -> Remedies.parse("old-d:1/x/3")).getMessage());
        assertEquals("objective 'hinge:2' takes no argument after ':', was '2'", assertThrows(
                IllegalArgumentException.class, () -> Objectives.parse("hinge:2")).getMessage());
    }
}
