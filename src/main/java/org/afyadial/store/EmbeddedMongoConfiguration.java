package org.afyadial.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.micronaut.configuration.mongo.core.DefaultMongoConfiguration;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
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
 * (mongo-java-server), reached in-process, so that {@code java -jar} works on a bare machine.
 * Data lives in an H2 file under the data directory, or in memory for tests.
 */
@Singleton
@Replaces(DefaultMongoConfiguration.class)
@Requires(missingProperty = "mongodb.uri")
class EmbeddedMongoConfiguration extends DefaultMongoConfiguration {

    static final String DATABASE = "afyadial";
    static final String IN_PROCESS_HOST = "embedded.in-process";
    static final String STORE_FILE = "afyadial.mv";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    private final MongoServer server;
    private final EmbeddedBackend backend;
    private final InProcessStreams streams;
    private final @Nullable BackupSocket backups;

    EmbeddedMongoConfiguration(ApplicationConfiguration application, Environment environment,
                               @Value("${afyadial.data-dir}") Path dataDir,
                               @Value("${afyadial.store.in-memory:false}") boolean inMemory,
                               @Nullable @Property(name = "afyadial.store.embedded-port") Integer listenerPort,
                               List<CollectionIndexes> declarations) {
        super(application, environment);
        backend = new EmbeddedBackend(inMemory ? new MVStore.Builder().open() : fileStore(dataDir), declarations.stream()
                .filter(CollectionIndexes::shortLived).map(CollectionIndexes::collection).collect(Collectors.toSet()));
        server = new MongoServer(backend);
        streams = new InProcessStreams(backend);
        backups = inMemory ? null : BackupSocket.open(dataDir, backend.getMvStore());
        String where = listen(listenerPort);
        LOG.info("No MONGODB_URI set: using the embedded MongoDB-wire server {}, data {}",
                where, inMemory ? "in memory (lost on exit)" : "in " + dataDir.resolve(STORE_FILE).toAbsolutePath().normalize());
    }

    /**
     * The listener has no authentication: any local process could read every record, staff password hashes
     * included. It opens only when {@code AFYADIAL_EMBEDDED_PORT} asks (for a tool such as mongosh), or on a
     * random loopback port when the service cannot reach the server in-process (before Java 24).
     */
    private String listen(@Nullable Integer requestedPort) {
        if (requestedPort != null) {
            server.bind("127.0.0.1", requestedPort);
            LOG.warn("AFYADIAL_EMBEDDED_PORT: the embedded store listens on 127.0.0.1:{} WITHOUT authentication; "
                    + "any process on this machine can read and change every record", server.getLocalAddress().getPort());
        } else if (!InProcessStreams.SUPPORTED) {
            server.bind("127.0.0.1", 0);
        }
        if (InProcessStreams.SUPPORTED) {
            // the address only names the server to the driver: in-process streams never open it
            setUri("mongodb://" + IN_PROCESS_HOST + "/" + DATABASE);
            return requestedPort == null ? "in-process (no TCP listener)" : "in-process";
        }
        setUri("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + DATABASE);
        return "through 127.0.0.1:" + server.getLocalAddress().getPort() + " (Java < 24 cannot use it in-process)";
    }

    /** The service's client: in-process where it can be (see {@link #listen}), else through the loopback port. */
    MongoClient client(MongoClientSettings settings) {
        return InProcessStreams.SUPPORTED ? streams.client(settings) : MongoClients.create(settings);
    }

    private static MVStore fileStore(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        return EmbeddedBackend.openFile(dataDir.resolve(STORE_FILE));
    }

    @PreDestroy
    void stop() {
        if (backups != null) {
            backups.close();
        }
        server.shutdownNow();
        backend.close();
    }
}
