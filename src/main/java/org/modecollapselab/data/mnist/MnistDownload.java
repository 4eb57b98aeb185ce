package org.modecollapselab.data.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.modecollapselab.util.AtomicFiles;
import org.modecollapselab.util.Check;

/**
 * Downloads MNIST's files from public mirrors, each verified before anyone can read it: the bytes go to a
 * temporary file in the target folder while their SHA-256 is computed; only when the transfer is complete, the size
 * is the published size and the SHA-256 the published sum is the file renamed (atomically) to its real name.
 * An interrupted transfer, a wrong size or a wrong checksum deletes the temporary file and tries the next mirror;
 * a file under its real name is therefore always a verified one.
 *
 * <p>The default mirrors are Google's {@code cvdf-datasets} bucket and the PyTorch project's {@code ossci-datasets}
 * bucket (Yann LeCun's original site no longer serves the files reliably).
 *
 * @param mirrors        base addresses, tried in order; a file's address is the base plus its name
 * @param connectTimeoutMillis time allowed to connect to a mirror, &gt;= 1
 * @param readTimeoutMillis    time allowed without a byte received, &gt;= 1
 */
public record MnistDownload(List<URI> mirrors, int connectTimeoutMillis, int readTimeoutMillis) {
    /** Google's and PyTorch's public mirrors of the original files. */
    public static final List<URI> PUBLIC_MIRRORS = List.of(
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"));

    public MnistDownload {
        Check.notEmpty("mirrors", mirrors);
        for (int i = 0; i < mirrors.size(); i++) {
            URI m = Check.notNull("mirrors[" + i + "]", mirrors.get(i));
            if (!"http".equals(m.getScheme()) && !"https".equals(m.getScheme())) {
                throw new IllegalArgumentException("mirrors[" + i + "] must be an http or https address, was " + m);
            }
            if (!m.getPath().endsWith("/")) {
                throw new IllegalArgumentException("mirrors[" + i + "] must end with '/' (a folder), was " + m);
            }
        }
        Check.distinct("mirrors", mirrors, "address", m -> m);
        mirrors = List.copyOf(mirrors);
        Check.atLeast("connectTimeoutMillis", connectTimeoutMillis, 1);
        Check.atLeast("readTimeoutMillis", readTimeoutMillis, 1);
    }

    /** The public mirrors, 10 s to connect, 30 s without data before a mirror counts as failed. */
    public static MnistDownload publicMirrors() {
        return new MnistDownload(PUBLIC_MIRRORS, 10_000, 30_000);
    }

    /** The same timeouts with other mirrors (a local server, a company proxy). */
    public MnistDownload withMirrors(List<URI> v) {
        return new MnistDownload(v, connectTimeoutMillis, readTimeoutMillis);
    }

    /**
     * Makes sure {@code dir} holds each of {@code files}, verified: a file already there with the published SHA-256
     * is kept, any other is downloaded (replacing a file that fails the check).
     *
     * @return the paths of the files, in order
     * @throws IOException when a file could not be downloaded and verified from any mirror (the message lists each
     *                     mirror's failure); files finished before stay
     */
    public List<Path> fetch(Path dir, List<MnistFile> files, DownloadListener listener) throws IOException {
        Check.notNull("dir", dir);
        Check.notEmpty("files", files);
        Check.notNull("listener", listener);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            out.add(fetch(dir, Check.notNull("files[" + i + "]", files.get(i)), listener));
        }
        return out;
    }

    /** Makes sure {@code dir} holds {@code file}, verified (see {@link #fetch(Path, List, DownloadListener)}). */
    public Path fetch(Path dir, MnistFile file, DownloadListener listener) throws IOException {
        Check.folderTarget("dir", dir);
        Check.notNull("file", file);
        Check.notNull("listener", listener);
        Path target = dir.resolve(file.name());
        if (Files.isRegularFile(target)) {
            if (matches(target, file)) {
                listener.message(file.name() + ": already in " + dir + " (SHA-256 verified)");
                return target;
            }
            listener.message(file.name() + " in " + dir + " does not match the published SHA-256: downloading it "
                    + "again");
        }
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI address = mirror.resolve(file.name());
            try {
                download(address, target, file, listener);
                listener.message(file.name() + ": downloaded from " + address.getHost() + ", SHA-256 verified");
                return target;
            } catch (IOException e) {
                failures.add(address + ": " + e.getMessage());
                listener.message(file.name() + ": " + address.getHost() + " failed (" + e.getMessage() + ")"
                        + (failures.size() < mirrors.size() ? "; trying the next mirror" : ""));
            }
        }
        throw new IOException("could not download " + file.name() + " from any mirror: " + String.join("; ",
                failures));
    }

    /** One transfer into a temporary file, checked, then renamed to {@code target}; nothing left on failure. */
    private void download(URI address, Path target, MnistFile file, DownloadListener listener) throws IOException {
        Path tmp = AtomicFiles.temporaryFor(target, ".part");
        boolean done = false;
        HttpURLConnection c = null;
        try {
            URL url = address.toURL();
            c = (HttpURLConnection) url.openConnection();
            c.setConnectTimeout(connectTimeoutMillis);
            c.setReadTimeout(readTimeoutMillis);
            c.setInstanceFollowRedirects(true);
            int status = c.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + status);
            }
            long announced = c.getContentLengthLong();
            if (announced >= 0 && announced != file.bytes()) {
                throw new IOException("the server announces " + announced + " bytes, the published file has "
                        + file.bytes());
            }
            MessageDigest sha = sha256();
            long received = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = c.getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
                listener.progress(file, 0, file.bytes(), address.getHost());
                int n;
                while ((n = in.read(buf)) != -1) {
                    out.write(buf, 0, n);
                    sha.update(buf, 0, n);
                    received += n;
                    if (received > file.bytes()) {
                        throw new IOException("received more than the published " + file.bytes() + " bytes");
                    }
                    listener.progress(file, received, file.bytes(), address.getHost());
                }
            }
            if (received != file.bytes()) {
                throw new IOException("transfer incomplete: received " + received + " of " + file.bytes() + " bytes");
            }
            String sum = HexFormat.of().formatHex(sha.digest());
            if (!sum.equals(file.sha256())) {
                throw new IOException("SHA-256 mismatch: received " + sum + ", published " + file.sha256());
            }
            AtomicFiles.moveIntoPlace(tmp, target);
            done = true;
        } finally {
            if (c != null) {
                c.disconnect();
            }
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Whether {@code path} has {@code file}'s published size and SHA-256. */
    public static boolean matches(Path path, MnistFile file) throws IOException {
        Check.readableFile("path", path);
        Check.notNull("file", file);
        return Files.size(path) == file.bytes() && sha256(path).equals(file.sha256());
    }

    /** The SHA-256 of a file, as 64 lower-case hexadecimal digits. */
    public static String sha256(Path path) throws IOException {
        Check.readableFile("path", path);
        MessageDigest sha = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buf)) != -1) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
