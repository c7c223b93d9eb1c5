package org.afyadial.store;

import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code java -jar afyadial.jar backup FILE} asks the running service for a copy of its embedded store
 * ({@link OnlineBackup}, through the {@link BackupSocket} in its data directory) and
 * moves it to {@code FILE}; {@code restore FILE}, with the service stopped, puts such a copy back in place of the
 * store's file, keeping the file it replaces as {@code afyadial.mv.before-restore}. Both read the data directory from
 * {@code AFYADIAL_DATA_DIR} (default {@code ./data}, as the service does) or {@code --data-dir DIR}.
 */
public final class BackupCommands {

    private BackupCommands() {
    }

    public static int backup(String[] args, PrintStream out) {
        return run("backup", args, out, (dataDir, file) -> {
            backup(dataDir, file);
            out.println("Backup of " + storeFile(dataDir) + " written to " + file);
        });
    }

    public static int restore(String[] args, PrintStream out) {
        return run("restore", args, out, (dataDir, file) -> {
            restore(dataDir, file);
            out.println(file + " restored to " + storeFile(dataDir) + "; the file it replaced is kept as "
                    + storeFile(dataDir).resolveSibling(storeFile(dataDir).getFileName() + ".before-restore"));
        });
    }

    /** A copy of the running store's file, in {@code target} (a zip holding the file). */
    static void backup(Path dataDir, Path target) {
        try {
            Files.move(BackupSocket.request(dataDir), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the copy in {@code source} in place of the store's file; refused while a service has the file open. */
    static void restore(Path dataDir, Path source) {
        Path store = storeFile(dataDir);
        Path restoring = store.resolveSibling(store.getFileName() + ".restoring");
        try {
            Files.createDirectories(dataDir);
            requireUnused(store);
            extractStoreFile(source, restoring);
            MVStore.open(restoring.toString()).close(); // refuses what is not a store file, and closes it cleanly
            if (Files.exists(store)) {
                Files.move(store, store.resolveSibling(store.getFileName() + ".before-restore"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(restoring, store, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path storeFile(Path dataDir) {
        return dataDir.resolve(EmbeddedMongoConfiguration.STORE_FILE);
    }

    private static void requireUnused(Path store) throws IOException {
        if (!Files.exists(store)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(store);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(store); // by this very JVM
        }
    }

    private static IllegalStateException inUse(Path store) {
        return new IllegalStateException("A service has " + store + " open: stop it before restoring");
    }

    private static void extractStoreFile(Path source, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().endsWith(".mv")) {
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new IllegalArgumentException(source + " holds no store file: it is not a backup of AfyaDial");
    }

    private interface Action {
        void apply(Path dataDir, Path file);
    }

    private static int run(String command, String[] args, PrintStream out, Action action) {
        Path dataDir = Path.of(System.getenv().getOrDefault("AFYADIAL_DATA_DIR", "./data"));
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                dataDir = Path.of(args[++i]);
            } else {
                file = Path.of(args[i]);
            }
        }
        if (file == null) {
            out.println("Usage: java -jar afyadial.jar " + command + " FILE [--data-dir DIR]");
            return 2;
        }
        try {
            action.apply(dataDir, file);
            return 0;
        } catch (RuntimeException e) {
            out.println(command + " failed: " + e.getMessage());
            return 1;
        }
    }
}
