package org.modecollapselab.data.mnist;

/**
 * Told how a download goes: bytes received per file, and one-line messages (a mirror failed, a file was verified).
 * A notebook shows them as one progress line updated in place ({@code LiveView.downloads()}).
 */
public interface DownloadListener {
    /** Prints nothing. */
    DownloadListener NONE = (file, received, total, from) -> {
    };

    /**
     * Bytes of {@code file} received so far.
     *
     * @param total the bytes expected (the published size)
     * @param from  the host it comes from
     */
    void progress(MnistFile file, long received, long total, String from);

    /** A one-line message: a mirror failed and the next is tried, a file's SHA-256 was verified, … */
    default void message(String line) {
    }

    /** Prints messages and a line every 10% of each file to standard error (for commands). */
    static DownloadListener console() {
        return new DownloadListener() {
            private String file;
            private long lastTenth = -1;

            @Override
            public void progress(MnistFile f, long received, long total, String from) {
                long tenth = total > 0 ? received * 10 / total : 0;
                if (!f.name().equals(file)) {
                    file = f.name();
                    lastTenth = -1;
                }
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    System.err.printf("downloading %s from %s: %.1f of %.1f MB%n", f.name(), from, received / 1e6,
                            total / 1e6);
                }
            }

            @Override
            public void message(String line) {
                System.err.println(line);
            }
        };
    }
}
