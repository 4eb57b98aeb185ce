package org.modecollapselab.data.mnist;

import java.util.HexFormat;
import java.util.Locale;
import org.modecollapselab.util.Check;

/**
 * One file of the MNIST distribution as published: its name, size and SHA-256.
 *
 * @param name   file name, e.g. {@code t10k-images-idx3-ubyte.gz}
 * @param bytes  its size in bytes, &gt;= 1
 * @param sha256 its SHA-256, 64 hexadecimal digits (lower case)
 */
public record MnistFile(String name, long bytes, String sha256) {
    public MnistFile {
        Check.notNull("name", name);
        if (name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("name must be a plain file name, was '" + name + "'");
        }
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be >= 1, was " + bytes);
        }
        Check.notNull("sha256", sha256);
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (sha256.length() != 64 || !sha256.chars().allMatch(c -> HexFormat.isHexDigit(c))) {
            throw new IllegalArgumentException("sha256 must be 64 hexadecimal digits, was '" + sha256 + "'");
        }
    }

    /** The file's name without a {@code .gz} ending (the uncompressed file a folder may hold instead). */
    public String uncompressedName() {
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
