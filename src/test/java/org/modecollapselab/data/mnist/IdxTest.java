package org.modecollapselab.data.mnist;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path tmp;

    static byte[] idx(int type, int[] shape, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(type);
        out.write(shape.length);
        for (int s : shape) {
            out.write(s >>> 24);
            out.write(s >>> 16);
            out.write(s >>> 8);
            out.write(s);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }

    private String error(byte[] file) {
        return assertThrows(IllegalArgumentException.class,
                () -> Idx.read(new ByteArrayInputStream(file), "test.idx")).getMessage();
    }

    @Test
    @NeedsMnist
    void readsTheRealTestSplitGzipped() throws IOException {
        Idx.Array images = Idx.read(TestData.mnistDir().resolve("t10k-images-idx3-ubyte.gz"));
        Idx.Array labels = Idx.read(TestData.mnistDir().resolve("t10k-labels-idx1-ubyte.gz"));
        assertArrayEquals(new int[] {10000, 28, 28}, images.shape());
        assertArrayEquals(new int[] {10000}, labels.shape());
        assertEquals(7, labels.data()[0]);   // the first test digit is a 7
        // The same bytes read uncompressed.
        byte[] raw;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TestData.mnistDir()
                .resolve("t10k-labels-idx1-ubyte.gz")))) {
            raw = in.readAllBytes();
        }
        Path plain = tmp.resolve("t10k-labels-idx1-ubyte");
        Files.write(plain, raw);
        assertArrayEquals(labels.data(), Idx.read(plain).data());
    }

    @Test
    void readsSmallArraysOfEachRank() throws IOException {
        byte[] data = {1, 2, 3, 4, 5, 6};
        Idx.Array a = Idx.read(new ByteArrayInputStream(idx(8, new int[] {2, 3}, data)), "a");
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(data, a.data());
        Idx.Array g = Idx.read(new ByteArrayInputStream(gzip(idx(8, new int[] {6}, data))), "g");
        assertArrayEquals(data, g.data());
        assertEquals(0, Idx.read(new ByteArrayInputStream(idx(8, new int[] {0, 28, 28}, new byte[0])), "e")
                .data().length);
    }

    @Test
    void refusesWrongMagicTypeAndRank() {
        byte[] ok = idx(8, new int[] {2}, new byte[] {1, 2});
        byte[] badMagic = ok.clone();
        badMagic[0] = 1;
        assertTrue(error(badMagic).contains("magic number must start with two zero bytes, was 0x01000801"),
                error(badMagic));
        assertTrue(error(idx(0x0D, new int[] {1}, new byte[4])).contains("IDX type 0x0d"));
        assertTrue(error(idx(8, new int[0], new byte[0])).contains("must have 1 to 4 dimensions"));
        assertTrue(error(new byte[] {0, 0}).contains("fewer than the 4-byte magic number"));
        assertTrue(error(new byte[] {0, 0, 8, 1, 0, 0}).contains("ends inside its header"));
        assertTrue(error(idx(8, new int[] {-1}, new byte[0])).contains("must be >= 0, was -1"));
        assertTrue(error(idx(8, new int[] {100000, 100, 100, 100}, new byte[0])).contains("must fit one Java array"));
        // A header announcing 1.5 GB over a short file: an error, without allocating the 1.5 GB.
        assertTrue(error(idx(8, new int[] {70000, 28, 28, 28}, new byte[10])).contains("is truncated"));
    }

    @Test
    void refusesTruncatedDataAndTrailingBytes() {
        byte[] full = idx(8, new int[] {10, 28, 28}, new byte[7840]);
        String truncated = error(Arrays.copyOf(full, full.length - 100));
        assertTrue(truncated.contains("is truncated: its header says 10×28×28 = 7840 bytes of data, the file holds 7740"),
                truncated);
        byte[] longer = Arrays.copyOf(full, full.length + 3);
        assertTrue(error(longer).contains("3 bytes follow the 7840 bytes of data"), error(longer));
    }

    @Test
    @NeedsMnist
    void refusesTruncatedAndCorruptGzip() throws IOException {
        byte[] gz = Files.readAllBytes(TestData.mnistDir().resolve("t10k-labels-idx1-ubyte.gz"));
        String cut = error(Arrays.copyOf(gz, gz.length / 2));
        assertTrue(cut.contains("corrupt or truncated"), cut);
        byte[] damaged = gz.clone();
        for (int i = 100; i < 200; i++) {
            damaged[i] ^= 0x5A;
        }
        assertTrue(error(damaged).contains("corrupt or truncated"), error(damaged));
        byte[] badCrc = gz.clone();
        badCrc[badCrc.length - 6] ^= 1;   // the CRC-32 in the gzip trailer
        assertTrue(error(badCrc).contains("corrupt or truncated"), error(badCrc));
    }

    @Test
    void refusesMissingFileByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Idx.read(tmp.resolve("nothing.gz")))
                .getMessage().contains("must be an existing IDX file"));
        assertEquals("file must not be null", assertThrows(IllegalArgumentException.class,
                () -> Idx.read((Path) null)).getMessage());
    }
}
