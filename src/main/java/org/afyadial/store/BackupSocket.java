package org.afyadial.store;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * How {@code java -jar afyadial.jar backup} asks the running service for an {@link OnlineBackup}: a Unix domain
 * socket in the data directory, readable and writable by the service's own user only. A socket file rather than the
 * MongoDB-wire listener, which has no authentication and stays closed unless asked for; whoever may open the socket
 * may read the store's file anyway. One request a connection: the line {@value #REQUEST}, answered by
 * {@code ok PATH} or {@code error MESSAGE}.
 */
final class BackupSocket implements AutoCloseable {

    static final String FILE = "afyadial.control";
    static final String REQUEST = "backup";
    private static final Logger LOG = LoggerFactory.getLogger(BackupSocket.class);

    private final Path socketFile;
    private final ServerSocketChannel server;

    private BackupSocket(Path socketFile, ServerSocketChannel server) {
        this.socketFile = socketFile;
        this.server = server;
    }

    static BackupSocket open(Path dataDir, MVStore store) {
        Path socketFile = dataDir.resolve(FILE).toAbsolutePath();
        try {
            Files.deleteIfExists(socketFile); // left by a service that was killed
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socketFile));
            Files.setPosixFilePermissions(socketFile, PosixFilePermissions.fromString("rw-------"));
            BackupSocket socket = new BackupSocket(socketFile, server);
            Thread.ofPlatform().daemon().name("backup-socket").start(() -> socket.serve(store));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + socketFile, e);
        }
    }

    /** Asks the service running on {@code dataDir} for a backup and answers the path of the copy it wrote. */
    static Path request(Path dataDir) {
        Path socketFile = dataDir.resolve(FILE).toAbsolutePath();
        if (!Files.exists(socketFile)) {
            throw new IllegalStateException("No service runs on the embedded store in " + dataDir.toAbsolutePath());
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socketFile))) {
            new PrintStream(Channels.newOutputStream(channel), true, StandardCharsets.UTF_8).println(REQUEST);
            String answer = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.startsWith("ok ")) {
                throw new IllegalStateException("The service refused the backup: " + answer);
            }
            return Path.of(answer.substring(3));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the service through " + socketFile, e);
        }
    }

    private void serve(MVStore store) {
        while (server.isOpen()) {
            try (SocketChannel channel = server.accept()) {
                var in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
                var out = new PrintStream(Channels.newOutputStream(channel), true, StandardCharsets.UTF_8);
                out.println(REQUEST.equals(in.readLine()) ? answer(store) : "error unknown request");
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("Backup request failed: {}", e.getMessage());
                }
            }
        }
    }

    private static String answer(MVStore store) {
        try {
            return "ok " + OnlineBackup.run(store);
        } catch (RuntimeException e) {
            LOG.error("Backup failed", e);
            return "error " + e.getMessage();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socketFile);
        } catch (IOException e) {
            LOG.warn("Cannot remove {}: {}", socketFile, e.getMessage());
        }
    }
}
