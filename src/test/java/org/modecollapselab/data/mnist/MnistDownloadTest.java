package org.modecollapselab.data.mnist;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download code path for real, over HTTP on the loopback interface: a server in the test serves the shared
 * folder's files (the real t10k files) — whole, cut off half-way, with one byte changed, or not at all — under
 * {@code /good/}, {@code /cut/}, {@code /flipped/} and {@code /missing/}.
 */
@NeedsMnist
class MnistDownloadTest {
    @TempDir
    Path cache;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @BeforeEach
    void serve() throws IOException {
        for (MnistFile f : MnistSplit.TEST.files()) {
            files.put(f.name(), Files.readAllBytes(TestData.mnistDir().resolve(f.name())));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String mode = parts[1];
            byte[] body = files.get(parts[parts.length - 1]);
            if (body == null || mode.equals("missing")) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            // Announce the whole file; /cut/ sends half of it and closes the connection.
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (mode.equals("cut")) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    // Throwing here makes the server drop the connection mid-transfer.
                    throw new IOException("transfer cut off on purpose");
                }
                byte[] sent = body;
                if (mode.equals("flipped")) {
                    sent = body.clone();
                    sent[sent.length / 3] ^= 1;
                }
                out.write(sent);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty(Mnist.CACHE_DIR_PROPERTY);
        System.clearProperty(Mnist.DATA_DIR_PROPERTY);
    }

    private URI mirror(String mode) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + mode + "/");
    }

    private MnistDownload from(String... modes) {
        List<URI> m = new ArrayList<>();
        for (String s : modes) {
            m.add(mirror(s));
        }
        return new MnistDownload(m, 5000, 5000);
    }

    /** Records messages and the last progress of each file. */
    static final class Recorder implements DownloadListener {
        final List<String> messages = new ArrayList<>();
        final Map<String, long[]> last = new ConcurrentHashMap<>();

        @Override
        public void progress(MnistFile file, long received, long total, String from) {
            last.put(file.name(), new long[] {received, total});
        }

        @Override
        public void message(String line) {
            messages.add(line);
        }
    }

    private List<Path> leftovers() throws IOException {
        try (var s = Files.list(cache)) {
            return s.toList();
        }
    }

    @Test
    void downloadsVerifiesAndRenamesTheTestSplit() throws IOException {
        Recorder r = new Recorder();
        List<Path> got = from("good").fetch(cache, MnistSplit.TEST.files(), r);
        assertEquals(2, got.size());
        for (MnistFile f : MnistSplit.TEST.files()) {
            assertTrue(MnistDownload.matches(cache.resolve(f.name()), f));
            assertArrayEquals(new long[] {f.bytes(), f.bytes()}, r.last.get(f.name()));
        }
        assertEquals(2, leftovers().size(), "no temporary files are left: " + leftovers());
        assertEquals(10_000, Mnist.load(cache).size());
        // A second fetch keeps the verified files and asks the server for nothing.
        int before = requests.get();
        from("good").fetch(cache, MnistSplit.TEST.files(), r);
        assertEquals(before, requests.get());
        assertTrue(r.messages.stream().anyMatch(m -> m.contains("already in")), r.messages.toString());
    }

    @Test
    void anInterruptedTransferLeavesNothingThatCouldBeRead() throws IOException {
        Recorder r = new Recorder();
        MnistFile images = MnistSplit.TEST.images();
        IOException e = assertThrows(IOException.class, () -> from("cut").fetch(cache, images, r));
        assertTrue(e.getMessage().contains("could not download t10k-images-idx3-ubyte.gz from any mirror"),
                e.getMessage());
        assertEquals(List.of(), leftovers(), "neither the file nor its temporary part");
        assertTrue(r.last.get(images.name())[0] < images.bytes(), "some bytes arrived before the cut");
        assertEquals(List.of(), Mnist.splitsIn(cache));
    }

    @Test
    void aWrongChecksumLeavesNothingAndNamesBothSums() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> from("flipped").fetch(cache, MnistSplit.TEST.labels(), DownloadListener.NONE));
        assertTrue(e.getMessage().contains("SHA-256 mismatch") && e.getMessage().contains(MnistSplit.TEST.labels()
                .sha256()), e.getMessage());
        assertEquals(List.of(), leftovers());
        // The right bytes under a wrong published sum are refused the same way.
        MnistFile wrongSum = new MnistFile("t10k-labels-idx1-ubyte.gz", 4542, "0".repeat(64));
        assertThrows(IOException.class, () -> from("good").fetch(cache, wrongSum, DownloadListener.NONE));
        assertEquals(List.of(), leftovers());
        // And a wrong size before any checksum.
        MnistFile wrongSize = new MnistFile("t10k-labels-idx1-ubyte.gz", 4000, MnistSplit.TEST.labels().sha256());
        IOException size = assertThrows(IOException.class, () -> from("good").fetch(cache, wrongSize,
                DownloadListener.NONE));
        assertTrue(size.getMessage().contains("announces 4542 bytes, the published file has 4000"), size.getMessage());
    }

    @Test
    void failedMirrorsAreSkippedInOrder() throws IOException {
        Recorder r = new Recorder();
        from("missing", "cut", "flipped", "good").fetch(cache, MnistSplit.TEST.files(), r);
        assertEquals(10_000, Mnist.load(cache).size());
        assertTrue(r.messages.stream().anyMatch(m -> m.contains("HTTP 404") && m.contains("trying the next mirror")),
                r.messages.toString());
        assertTrue(r.messages.stream().anyMatch(m -> m.contains("SHA-256 mismatch")), r.messages.toString());
        assertEquals(2, leftovers().size());
    }

    @Test
    void aCorruptFileInTheCacheIsReplaced() throws IOException {
        MnistFile labels = MnistSplit.TEST.labels();
        Files.write(cache.resolve(labels.name()), new byte[] {1, 2, 3});
        from("good").fetch(cache, labels, DownloadListener.NONE);
        assertTrue(MnistDownload.matches(cache.resolve(labels.name()), labels));
    }

    @Test
    void obtainDownloadsIntoTheCacheAndUsesWhateverSplitsArrived() throws IOException {
        System.setProperty(Mnist.CACHE_DIR_PROPERTY, cache.toString());
        Recorder r = new Recorder();
        // The server has no training split: the test split arrives and is used, and the user is told.
        MnistDigits d = Mnist.obtain(r, from("good"), name -> null);
        assertEquals("MNIST (test split, 10,000 digits)", d.name());
        assertTrue(r.messages.stream().anyMatch(m -> m.contains("could not download the training split")),
                r.messages.toString());
        assertEquals(List.of(MnistSplit.TEST), Mnist.splitsIn(cache.resolve("mnist")));
        // Second time: the cache is used.
        int before = requests.get();
        assertEquals(10_000, Mnist.obtain(DownloadListener.NONE, from("good"), name -> null).size());
        assertEquals(before + 1, requests.get(), "only the missing training split is asked for again (its first "
                + "file fails, so its second is not asked for)");
    }

    @Test
    void refusesBadSettings() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MnistDownload(List.of(URI.create(
                "ftp://x/")), 1, 1)).getMessage().contains("http or https"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MnistDownload(List.of(URI.create(
                "http://x/mnist")), 1, 1)).getMessage().contains("must end with '/'"));
        assertThrows(IllegalArgumentException.class, () -> new MnistDownload(List.of(), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new MnistFile("a/b", 1, "0".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> new MnistFile("a", 1, "xyz"));
    }
}
