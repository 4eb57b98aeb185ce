package org.modecollapselab.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.modecollapselab.gan.Catalogued;

/**
 * Finds the catalog names the remedies declare beside themselves: every {@code public static final}
 * {@link Catalogued} field of a top-level class in the {@code org.modecollapselab.remedy} packages, found by listing
 * the class files of those packages where the library's classes are (a class folder or a jar). Sorted by name;
 * a name declared twice is refused.
 *
 * <p>Why a scan: a remedy is then listed by its own file alone (no registry to edit, no {@code META-INF/services}
 * line). It lists the folder or jar this class was loaded from, so a test's or a notebook's classes in those packages
 * are not listed; {@code RegistryTest} checks it in a class folder and in a jar.
 */
final class Registry {
    static final String PACKAGE = "org.modecollapselab.remedy";

    private Registry() {
    }

    /** The declared names, sorted by name. */
    static List<Catalogued> scan() {
        ClassLoader loader = Registry.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        for (String className : classNames(loader)) {
            try {
                classes.add(Class.forName(className, true, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("class " + className + " was listed but cannot be loaded", e);
            }
        }
        return collect(classes);
    }

    /** The {@code public static final Catalogued} fields of {@code classes}, sorted by name; each name once. */
    static List<Catalogued> collect(List<Class<?>> classes) {
        List<Catalogued> out = new ArrayList<>();
        Map<String, String> declaredBy = new HashMap<>();
        for (Class<?> c : classes) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (f.getType() != Catalogued.class || !Modifier.isStatic(m)) {
                    continue;
                }
                if (!Modifier.isPublic(m) || !Modifier.isFinal(m)) {
                    throw new IllegalStateException("catalog field " + c.getName() + "." + f.getName()
                            + " must be public static final");
                }
                Catalogued entry;
                try {
                    entry = (Catalogued) f.get(null);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("catalog field " + c.getName() + "." + f.getName()
                            + " cannot be read", e);
                }
                String where = c.getName() + "." + f.getName();
                String before = declaredBy.putIfAbsent(entry.name(), where);
                if (before != null) {
                    throw new IllegalStateException("catalog name '" + entry.name() + "' must be declared once, "
                            + "was declared by " + before + " and " + where);
                }
                out.add(entry);
            }
        }
        out.sort(Comparator.comparing(Catalogued::name));
        return List.copyOf(out);
    }

    /**
     * Top-level classes under {@link #PACKAGE} where this class was loaded from (the library's class folder or jar);
     * where that is unknown, in every class path root {@code loader} knows of the package.
     */
    static Set<String> classNames(ClassLoader loader) {
        String path = PACKAGE.replace('.', '/');
        Set<String> names = new LinkedHashSet<>();
        try {
            CodeSource source = Registry.class.getProtectionDomain().getCodeSource();
            URL self = source == null ? null : source.getLocation();
            if (self != null && self.getProtocol().equals("file")) {
                Path where = Path.of(self.toURI());
                if (Files.isDirectory(where)) {
                    listFolder(where.resolve(path), path, names);
                } else {
                    listJar(where, path, names);
                }
            } else {
                for (Enumeration<URL> roots = loader.getResources(path); roots.hasMoreElements(); ) {
                    list(roots.nextElement(), path, names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the remedies' classes", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the remedies' classes", e);
        }
        return names;
    }

    private static void list(URL root, String path, Set<String> names) throws IOException, URISyntaxException {
        switch (root.getProtocol()) {
            case "file" -> listFolder(Path.of(root.toURI()), path, names);
            case "jar" -> {
                String spec = root.getPath();   // file:/…/lib.jar!/org/modecollapselab/remedy
                listJar(Path.of(new URL(spec.substring(0, spec.indexOf("!/"))).toURI()), path, names);
            }
            default -> throw new IllegalStateException("remedies' classes must be in a folder or a jar, were at "
                    + root);
        }
    }

    private static void listFolder(Path folder, String path, Set<String> names) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted().toList()) {
                String rel = folder.relativize(f).toString().replace('\\', '/');
                add(path + "/" + rel, names);
            }
        }
    }

    private static void listJar(Path jar, String path, Set<String> names) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            List<String> entries = new ArrayList<>();
            for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if (n.startsWith(path + "/")) {
                    entries.add(n);
                }
            }
            entries.stream().sorted().forEach(n -> add(n, names));
        }
    }

    private static void add(String resource, Set<String> names) {
        if (resource.endsWith(".class") && !resource.contains("$") && !resource.endsWith("package-info.class")) {
            names.add(resource.substring(0, resource.length() - ".class".length()).replace('/', '.'));
        }
    }
}
