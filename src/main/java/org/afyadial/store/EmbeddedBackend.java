package org.afyadial.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Optional;

/**
 * mongo-java-server's H2 backend, made fit to run AfyaDial:
 * <ul>
 *   <li>the two session commands the MongoDB driver relies on: without {@code logicalSessionTimeoutMinutes} in the
 *   handshake the driver refuses the implicit sessions Micronaut Data opens, and {@code endSessions} is sent when a
 *   client closes;</li>
 *   <li>databases that answer queries from indexes (see {@link IndexedDatabase}) instead of reading every document,
 *   aggregations that only filter, sort and page included ({@link AggregateAsFind}).</li>
 * </ul>
 */
final class EmbeddedBackend extends H2Backend {

    private static final int SESSION_TIMEOUT_MINUTES = 30;

    EmbeddedBackend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (command.equalsIgnoreCase("endSessions")) {
            return new Document("ok", 1.0);
        }
        if (command.equals("aggregate")) {
            Optional<Document> find = AggregateAsFind.of(query);
            if (find.isPresent()) {
                return super.handleCommand(channel, database, "find", find.get());
            }
        }
        Document answer = super.handleCommand(channel, database, command, query);
        if (command.equals("hello") || command.equalsIgnoreCase("isMaster")) {
            answer.put("logicalSessionTimeoutMinutes", SESSION_TIMEOUT_MINUTES);
        }
        return answer;
    }
}
