package org.modecollapselab.data.mnist;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.modecollapselab.util.Check;

/**
 * Reads the IDX format of the original MNIST files (LeCun, Cortes and Burges): a 4-byte magic number — two zero
 * bytes, a data-type code, the number of dimensions —, one big-endian 32-bit size per dimension, then the data.
 * Files may be gzip-compressed (recognised by their first bytes, whatever their name).
 *
 * <p>Only unsigned bytes (type code 0x08, MNIST's pixels and labels) are read. Every check happens before the
 * array is returned: a wrong magic number, an unsupported type, a negative or too large size, a file that ends
 * early (truncated) or goes on after its data, and a corrupt gzip stream each fail with an
 * {@link IllegalArgumentException} naming the file and what is wrong; a half-read file is never returned.
 */
public final class Idx {
    /** The IDX type code of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_DIMENSIONS = 4;

    private Idx() {
    }

    /**
     * An IDX array of unsigned bytes.
     *
     * @param source where it was read from (for messages)
     * @param shape  its dimensions, outermost first (e.g. [10000, 28, 28])
     * @param data   its values, row-major, as Java bytes (read them with {@code & 0xFF})
     */
    public record Array(String source, int[] shape, byte[] data) {
        public Array {
            Check.notBlank("source", source);
            Check.notNull("shape", shape);
            Check.notNull("data", data);
            shape = shape.clone();
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("data must hold " + n + " values for shape "
                        + Arrays.toString(shape) + " (the same count as the shape's product), was " + data.length);
            }
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** The size of dimension {@code i}. */
        public int size(int i) {
            Check.index("i", i, shape.length);
            return shape[i];
        }

        public int rank() {
            return shape.length;
        }
    }

    /** Reads an IDX file of unsigned bytes, gzip-compressed or not. */
    public static Array read(Path file) {
        Check.notNull("file", file);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file must be an existing IDX file, was " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an IDX array of unsigned bytes from a stream (gzip-compressed or not) to its end.
     *
     * @param source names the stream in messages
     */
    public static Array read(InputStream stream, String source) throws IOException {
        Check.notNull("stream", stream);
        Check.notBlank("source", source);
        BufferedInputStream buffered = new BufferedInputStream(stream, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        try {
            InputStream raw = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            return parse(new DataInputStream(raw), source + (gzip ? " (gzip)" : ""));
        } catch (ZipException | EOFException e) {
            throw new IllegalArgumentException(source + " is corrupt or truncated: the gzip stream "
                    + (e instanceof EOFException ? "ends early" : "is damaged (" + e.getMessage() + ")"), e);
        }
    }

    private static Array parse(DataInputStream in, String source) throws IOException {
        byte[] magic = new byte[4];
        int got = in.readNBytes(magic, 0, 4);
        if (got < 4) {
            throw new IllegalArgumentException(source + " is not an IDX file: it has " + got
                    + " bytes, fewer than the 4-byte magic number");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IllegalArgumentException(source + " is not an IDX file: its magic number must start with two "
                    + "zero bytes, was " + hex(magic));
        }
        int type = magic[2] & 0xFF;
        int rank = magic[3] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new IllegalArgumentException(source + " holds IDX type 0x" + String.format("%02x", type)
                    + "; only unsigned bytes (0x08, as in MNIST) are supported (magic number " + hex(magic) + ")");
        }
        if (rank < 1 || rank > MAX_DIMENSIONS) {
            throw new IllegalArgumentException(source + " must have 1 to " + MAX_DIMENSIONS
                    + " dimensions, its magic number says " + rank + " (" + hex(magic) + ")");
        }
        int[] shape = new int[rank];
        long n = 1;
        for (int i = 0; i < rank; i++) {
            byte[] size = new byte[4];
            if (in.readNBytes(size, 0, 4) < 4) {
                throw new IllegalArgumentException(source + " is truncated: it ends inside its header (size of "
                        + "dimension " + i + " of " + rank + ")");
            }
            int s = ((size[0] & 0xFF) << 24) | ((size[1] & 0xFF) << 16) | ((size[2] & 0xFF) << 8) | (size[3] & 0xFF);
            if (s < 0) {
                throw new IllegalArgumentException(source + ": size of dimension " + i + " must be >= 0, was " + s);
            }
            shape[i] = s;
            n *= s;
            if (n > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException(source + ": the data must fit one Java array (at most "
                        + (Integer.MAX_VALUE - 16) + " bytes), shape " + Arrays.toString(Arrays.copyOf(shape, i + 1))
                        + " already needs " + n);
            }
        }
        // readNBytes(int) grows its buffer with the data that arrive: a damaged header that announces gigabytes
        // costs no more memory than the bytes the file really holds.
        byte[] data = in.readNBytes((int) n);
        int read = data.length;
        if (read < n) {
            throw new IllegalArgumentException(source + " is truncated: its header says " + shapeText(shape) + " = "
                    + n + " bytes of data, the file holds " + read);
        }
        if (in.read() != -1) {
            long extra = 1;
            while (in.read() != -1) {
                extra++;
            }
            throw new IllegalArgumentException(source + " is not a valid IDX file: " + extra + " bytes follow the "
                    + n + " bytes of data its header (" + shapeText(shape) + ") announces");
        }
        return new Array(source, shape, data);
    }

    private static String shapeText(int[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "×").append(shape[i]);
        }
        return sb.toString();
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder("0x");
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }
}
