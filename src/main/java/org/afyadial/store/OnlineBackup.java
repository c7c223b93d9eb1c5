package org.afyadial.store;

import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipOutputStream;

/**
 * A copy of the embedded store's file taken while the service runs, made by the service when
 * {@link BackupSocket} asks: H2's own online backup, which stops
 * H2 from reusing free space while it copies the file, so that no chunk the copy still needs is overwritten. The copy
 * is as a crash at the end of the copy would leave the file, which H2 opens like any other: every write acknowledged
 * before the request is in it. It is written to {@value #DIRECTORY} next to the file, never to a path a caller names.
 */
final class OnlineBackup {

    static final String DIRECTORY = "backups";

    private OnlineBackup() {
    }

    /** The path of the copy. */
    static Path run(MVStore store) {
        if (store.getFileStore() == null) {
            throw new IllegalStateException("the embedded store runs in memory: there is no file to copy");
        }
        try {
            Path dir = Files.createDirectories(Path.of(store.getFileStore().getFileName()).toAbsolutePath().resolveSibling(DIRECTORY));
            Path copy = Files.createTempFile(dir, "afyadial-", ".zip");
            store.commit();
            try (OutputStream out = Files.newOutputStream(copy); ZipOutputStream zip = new ZipOutputStream(out)) {
                store.getFileStore().backup(zip);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("The backup could not be written", e);
        }
    }
}
