package org.afyadial.store;

import de.bwaldvogel.mongo.MongoServer;
import io.micronaut.configuration.mongo.core.DefaultMongoConfiguration;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.ApplicationConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * When no {@code MONGODB_URI} is configured, AfyaDial runs on an in-process MongoDB-wire server
 * (mongo-java-server) bound to 127.0.0.1, so that {@code java -jar} works on a bare machine.
 * Data lives in an H2 file under the data directory, or in memory for tests.
 */
@Singleton
@SuppressWarnings("deprecation") // the driver's 4.x stream factory: see InProcessStreams
@Replaces(DefaultMongoConfiguration.class)
@Requires(missingProperty = "mongodb.uri")
class EmbeddedMongoConfiguration extends DefaultMongoConfiguration {

    static final String DATABASE = "afyadial";
    static final String STORE_FILE = "afyadial.mv";
    /** The port of the MongoDB-wire server, written to the data directory for {@link BackupCommands}. */
    static final String PORT_FILE = "afyadial.port";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    private final MongoServer server;
    private final EmbeddedBackend backend;
    private final InProcessStreams streams;

    EmbeddedMongoConfiguration(ApplicationConfiguration application, Environment environment,
                               @Value("${afyadial.data-dir}") Path dataDir,
                               @Value("${afyadial.store.in-memory:false}") boolean inMemory,
                               List<CollectionIndexes> declarations) {
        super(application, environment);
        backend = new EmbeddedBackend(inMemory ? new MVStore.Builder().open() : fileStore(dataDir), declarations.stream()
                .filter(CollectionIndexes::shortLived).map(CollectionIndexes::collection).collect(Collectors.toSet()));
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        var address = server.getLocalAddress();
        setUri("mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE);
        streams = new InProcessStreams(backend);
        if (InProcessStreams.SUPPORTED) {
            getClientSettings().streamFactoryFactory(streams);
        }
        if (!inMemory) {
            writePortFile(dataDir, address.getPort());
        }
        LOG.info("No MONGODB_URI set: using the embedded MongoDB-wire server on 127.0.0.1:{}, data {}",
                address.getPort(), inMemory ? "in memory (lost on exit)" : "in " + dataDir.resolve(STORE_FILE).toAbsolutePath().normalize());
    }

    private static MVStore fileStore(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        return EmbeddedBackend.openFile(dataDir.resolve(STORE_FILE));
    }

    private static void writePortFile(Path dataDir, int port) {
        try {
            Files.writeString(dataDir.resolve(PORT_FILE), Integer.toString(port));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dataDir.resolve(PORT_FILE).toAbsolutePath(), e);
        }
    }

    @PreDestroy
    void stop() {
        server.shutdownNow();
        streams.closeAll();
        backend.close();
    }
}
