package org.modecollapselab.data.mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.modecollapselab.data.ImageShape;
import org.modecollapselab.util.Check;

/**
 * Where MNIST comes from, and loading it.
 *
 * <p><b>Settings.</b> The data folder is the system property {@value #DATA_DIR_PROPERTY} or, when that is not set,
 * the environment variable {@value #DATA_DIR_ENV}; it holds the IDX files (gzipped or not) in itself or in a
 * {@code mnist/} folder inside it (CI sets {@code MCL_DATA_DIR=../shared/data}). When it is set, nothing is
 * downloaded. When neither is set, {@link #obtain} uses the download cache — the property {@value #CACHE_DIR_PROPERTY},
 * the variable {@value #CACHE_DIR_ENV}, or {@code $XDG_CACHE_HOME/mode-collapse-lab} ({@code ~/.cache/mode-collapse-lab}
 * without {@code XDG_CACHE_HOME}) — and downloads the full MNIST there once (about 11 MB, SHA-256 verified, see
 * {@link MnistDownload}).
 *
 * <p>Whatever splits a folder holds are used, and the data's name says which ("MNIST (test split, 10,000 digits)").
 */
public final class Mnist {
    /** System property naming the data folder (takes precedence over {@value #DATA_DIR_ENV}). */
    public static final String DATA_DIR_PROPERTY = "mcl.data.dir";
    /** Environment variable naming the data folder. */
    public static final String DATA_DIR_ENV = "MCL_DATA_DIR";
    /** System property naming the download cache (takes precedence over {@value #CACHE_DIR_ENV}). */
    public static final String CACHE_DIR_PROPERTY = "mcl.cache.dir";
    /** Environment variable naming the download cache. */
    public static final String CACHE_DIR_ENV = "MCL_CACHE_DIR";

    private Mnist() {
    }

    // ---------------------------------------------------------------- loading a folder

    /** The splits whose images and labels files {@code dir} holds (gzipped or not), training split first. */
    public static List<MnistSplit> splitsIn(Path dir) {
        Check.notNull("dir", dir);
        List<MnistSplit> out = new ArrayList<>();
        for (MnistSplit s : MnistSplit.values()) {
            if (find(dir, s.images()).isPresent() && find(dir, s.labels()).isPresent()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The folder holding MNIST's files: {@code dir/mnist} if it holds a split, else {@code dir} if it does.
     */
    public static Optional<Path> folderIn(Path dir) {
        Check.notNull("dir", dir);
        for (Path p : List.of(dir.resolve("mnist"), dir)) {
            if (Files.isDirectory(p) && !splitsIn(p).isEmpty()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Every split {@code dir} (or its {@code mnist/} folder) holds, as one data set. */
    public static MnistDigits load(Path dir) {
        Check.notNull("dir", dir);
        Path folder = folderIn(dir).orElseThrow(() -> new IllegalArgumentException("dir must hold MNIST's files "
                + expectedFiles() + ", in itself or in a mnist/ folder; " + dir + " holds none"));
        return load(folder, splitsIn(folder).toArray(MnistSplit[]::new));
    }

    /**
     * The given splits from {@code dir} (or its {@code mnist/} folder), in order, as one data set.
     *
     * @throws IllegalArgumentException when a split's files are missing or fail the IDX checks (naming the file)
     */
    public static MnistDigits load(Path dir, MnistSplit... splits) {
        Check.notNull("dir", dir);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("dir must be a folder holding MNIST's files, was " + dir
                    + (Files.exists(dir) ? " (not a folder)" : " (not found)"));
        }
        Check.notNull("splits", splits);
        if (splits.length == 0) {
            throw new IllegalArgumentException("splits must name at least one split, was []");
        }
        Path folder = folderIn(dir).orElse(dir);
        List<byte[]> pixels = new ArrayList<>();
        List<byte[]> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int total = 0;
        for (int k = 0; k < splits.length; k++) {
            MnistSplit s = Check.notNull("splits[" + k + "]", splits[k]);
            if (names.contains(s.label())) {
                throw new IllegalArgumentException("splits must not repeat a split (a split twice), was "
                        + List.of(splits));
            }
            Path img = find(folder, s.images()).orElseThrow(() -> missing(folder, s, s.images()));
            Path lab = find(folder, s.labels()).orElseThrow(() -> missing(folder, s, s.labels()));
            Idx.Array images = Idx.read(img);
            Idx.Array lbls = Idx.read(lab);
            if (images.rank() != 3 || images.size(1) != ImageShape.MNIST.height()
                    || images.size(2) != ImageShape.MNIST.width()) {
                throw new IllegalArgumentException(img + " must hold images of 28×28 (shape [n, 28, 28]), was "
                        + Arrays.toString(images.shape()));
            }
            if (lbls.rank() != 1) {
                throw new IllegalArgumentException(lab + " must hold one label per digit (shape [n]), was "
                        + Arrays.toString(lbls.shape()));
            }
            if (images.size(0) != lbls.size(0)) {
                throw new IllegalArgumentException(img.getFileName() + " holds " + images.size(0) + " images but "
                        + lab.getFileName() + " " + lbls.size(0) + " labels; they must match");
            }
            pixels.add(images.data());
            labels.add(lbls.data());
            names.add(s.label());
            total += lbls.size(0);
        }
        byte[] p = new byte[total * ImageShape.MNIST.pixels()];
        byte[] l = new byte[total];
        int at = 0;
        for (int k = 0; k < labels.size(); k++) {
            System.arraycopy(pixels.get(k), 0, p, at * ImageShape.MNIST.pixels(), pixels.get(k).length);
            System.arraycopy(labels.get(k), 0, l, at, labels.get(k).length);
            at += labels.get(k).length;
        }
        String name = String.format(Locale.ROOT, "MNIST (%s split%s, %,d digits)", String.join(" and ", names),
                names.size() > 1 ? "s" : "", total);
        return MnistDigits.of(p, l, name);
    }

    private static IllegalArgumentException missing(Path folder, MnistSplit s, MnistFile f) {
        return new IllegalArgumentException("the " + s.label() + " split needs " + f.name() + " (or "
                + f.uncompressedName() + ") in " + folder + "; it is not there");
    }

    /** The file as published ({@code .gz}) or uncompressed, whichever {@code dir} holds. */
    private static Optional<Path> find(Path dir, MnistFile f) {
        for (String n : List.of(f.name(), f.uncompressedName())) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The files a data folder is expected to hold, for messages. */
    public static String expectedFiles() {
        return "(train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz for the training split, "
                + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz for the test split; gzipped or not)";
    }

    // ---------------------------------------------------------------- settings

    /** The data folder the settings name ({@value #DATA_DIR_PROPERTY}, else {@value #DATA_DIR_ENV}), if any. */
    public static Optional<Path> configuredDir() {
        return configuredDir(System::getenv);
    }

    static Optional<Path> configuredDir(UnaryOperator<String> env) {
        return setting(DATA_DIR_PROPERTY, DATA_DIR_ENV, env);
    }

    /** The download cache's folder ({@value #CACHE_DIR_PROPERTY}, {@value #CACHE_DIR_ENV} or the default). */
    public static Path cacheDir() {
        return cacheDir(System::getenv);
    }

    static Path cacheDir(UnaryOperator<String> env) {
        Optional<Path> set = setting(CACHE_DIR_PROPERTY, CACHE_DIR_ENV, env);
        if (set.isPresent()) {
            return set.get();
        }
        String xdg = env.apply("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mode-collapse-lab");
    }

    private static Optional<Path> setting(String property, String variable, UnaryOperator<String> env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = env.apply(variable);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Path.of(v.trim()));
    }

    // ---------------------------------------------------------------- obtaining it

    /** {@link #obtain(DownloadListener)} printing download progress to standard error. */
    public static MnistDigits obtain() {
        return obtain(DownloadListener.console());
    }

    /**
     * MNIST as a user gets it: from the data folder when the settings name one (never downloading then), otherwise
     * from the download cache, downloading the full MNIST (training and test splits) there first if it is not
     * complete. The listener sees the download's progress.
     *
     * @throws IllegalStateException when no data can be had: the message names the settings and the files expected
     */
    public static MnistDigits obtain(DownloadListener listener) {
        return obtain(listener, MnistDownload.publicMirrors(), System::getenv);
    }

    static MnistDigits obtain(DownloadListener listener, MnistDownload download, UnaryOperator<String> env) {
        Check.notNull("listener", listener);
        Check.notNull("download", download);
        Optional<Path> configured = configuredDir(env);
        if (configured.isPresent()) {
            Path dir = configured.get();
            Optional<Path> folder = folderIn(dir);
            if (folder.isEmpty()) {
                throw new IllegalStateException("the data folder " + dir + " (set by " + whichSetting(env)
                        + ") holds no MNIST files: expected " + expectedFiles() + " in " + dir + " or "
                        + dir.resolve("mnist") + ". Point the setting at such a folder, or unset it to download "
                        + "MNIST into " + cacheDir(env) + ".");
            }
            MnistDigits d = load(folder.get());
            listener.message("MNIST from " + folder.get() + " (" + whichSetting(env) + "): " + d.name());
            return d;
        }
        Path cache = cacheDir(env).resolve("mnist");
        List<String> failures = new ArrayList<>();
        for (MnistSplit s : MnistSplit.values()) {
            if (splitsIn(cache).contains(s)) {
                continue;
            }
            try {
                Files.createDirectories(cache);
                download.fetch(cache, s.files(), listener);
            } catch (IOException | RuntimeException e) {
                failures.add("the " + s.label() + " split: " + e.getMessage());
            }
        }
        if (splitsIn(cache).isEmpty()) {
            throw new IllegalStateException("no MNIST data: neither " + DATA_DIR_ENV + " (environment) nor -D"
                    + DATA_DIR_PROPERTY + " (system property) is set, and downloading MNIST into " + cache
                    + " failed (" + String.join("; ", failures) + "). Connect to the internet, or set "
                    + DATA_DIR_ENV + " (or -D" + DATA_DIR_PROPERTY + ") to a folder holding " + expectedFiles()
                    + ", in itself or in a mnist/ folder.");
        }
        if (!failures.isEmpty()) {
            listener.message("could not download " + String.join("; ", failures) + " — using what " + cache
                    + " holds");
        }
        MnistDigits d = load(cache);
        listener.message("MNIST from " + cache + ": " + d.name());
        return d;
    }

    private static String whichSetting(UnaryOperator<String> env) {
        String p = System.getProperty(DATA_DIR_PROPERTY);
        return p != null && !p.isBlank() ? "-D" + DATA_DIR_PROPERTY : DATA_DIR_ENV;
    }
}
