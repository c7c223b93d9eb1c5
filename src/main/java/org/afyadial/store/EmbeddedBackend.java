package org.afyadial.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.Optional;

/**
 * mongo-java-server's H2 backend, made fit to run AfyaDial:
 * <ul>
 *   <li>the two session commands the MongoDB driver relies on: without {@code logicalSessionTimeoutMinutes} in the
 *   handshake the driver refuses the implicit sessions Micronaut Data opens, and {@code endSessions} is sent when a
 *   client closes;</li>
 *   <li>databases that answer queries from indexes (see {@link IndexedDatabase}) instead of reading every document,
 *   aggregations that only filter, sort and page included ({@link AggregateAsFind});</li>
 *   <li>a file kept for a workload that rewrites the same documents all day long (USSD sessions): see
 *   {@link #openFile}.</li>
 * </ul>
 */
final class EmbeddedBackend extends H2Backend {

    private static final int SESSION_TIMEOUT_MINUTES = 30;
    /**
     * H2 keeps this many MB of pages decoded in memory (its default is 16): with less, the busy collections' pages
     * were read back and decoded again and again under load.
     */
    private static final int CACHE_MB = 128;
    /**
     * H2 rewrites the live pages of chunks once less than this share of the file is live data (its default is 90 %).
     * Every USSD hop replaces its session, so at 90 % H2 was rewriting pages continuously; at 50 % the file may
     * grow to twice the live data instead.
     */
    private static final int COMPACT_BELOW_PERCENT = 50;

    /**
     * H2 writes what changed every this many milliseconds (its default is 1,000). Once more than its write buffer has
     * changed, the thread that changes a map writes it all itself: under USSD load that was a hop, or the session
     * writer with the whole batch behind it, held up for 100-270 ms about once a second. Written this often, the
     * changes never reach that size.
     */
    private static final int WRITE_DELAY_MS = 100;

    EmbeddedBackend(MVStore store) {
        super(store);
    }

    /** The H2 file at that path, created if missing. Pages are not compressed: clinic data is small, CPU is scarce. */
    static MVStore openFile(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB)
                .autoCompactFillRate(COMPACT_BELOW_PERCENT).open();
        store.setAutoCommitDelay(WRITE_DELAY_MS);
        return store;
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
