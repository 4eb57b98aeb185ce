package org.modecollapselab.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files written whole or not at all: content goes to a temporary file in the target's folder, which is then
 * renamed over the target, so a reader never sees half a file. The result is readable by everyone (rw-r--r--),
 * like a file written directly, not private like a temporary file.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** A temporary file next to {@code target} (its folder is created), for content to be moved in place. */
    public static Path temporaryFor(Path target, String suffix) throws IOException {
        Check.fileTarget("target", target);
        Check.notNull("suffix", suffix);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + target.getFileName(), suffix);
    }

    /** Renames a finished temporary file over {@code target} atomically and makes it world-readable. */
    public static void moveIntoPlace(Path temporary, Path target) throws IOException {
        Check.readableFile("temporary", temporary);
        Check.fileTarget("target", target);
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its defaults
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes {@code text} to {@code target} atomically. */
    public static void writeString(Path target, String text) throws IOException {
        Check.fileTarget("target", target);
        Check.notNull("text", text);
        Path tmp = temporaryFor(target, ".part");
        Files.writeString(tmp, text);
        moveIntoPlace(tmp, target);
    }
}
