package org.afyadial.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * mongo-java-server's H2 backend, made fit to run AfyaDial:
 * <ul>
 *   <li>the two session commands the MongoDB driver relies on: without {@code logicalSessionTimeoutMinutes} in the
 *   handshake the driver refuses the implicit sessions Micronaut Data opens, and {@code endSessions} is sent when a
 *   client closes;</li>
 *   <li>databases that answer queries from indexes (see {@link IndexedDatabase}) instead of reading every document,
 *   aggregations that only filter, sort and page included ({@link AggregateAsFind});</li>
 *   <li>a file kept for a workload that rewrites documents all day long (the phones' documents, the outbox's
 *   messages): see {@link #openFile};</li>
 *   <li>writes on disk before they are acknowledged ({@link DurableWrites}): H2 alone writes what changed every
 *   {@value #WRITE_DELAY_MS} ms and forces nothing to disk, so a crash lost what the service had confirmed;</li>
 *   <li>short-lived collections ({@link CollectionIndexes#shortLived}, the USSD sessions) kept in memory only: every
 *   hop rewrites its session, and H2 wrote each change to the file within 100 ms, although a session matters for
 *   minutes and a hop whose session is gone starts over at the start screen.</li>
 * </ul>
 */
final class EmbeddedBackend extends H2Backend {

    private static final int SESSION_TIMEOUT_MINUTES = 30;
    /**
     * H2 keeps up to this many MB of pages decoded in memory (its default is 16): with less, the busy collections'
     * pages were read back and decoded again and again under load. At most a quarter of the heap, which also holds
     * the indexes: with a 256 MB heap, a 128 MB cache left the collector running without pause during an import.
     */
    private static final int CACHE_MB = (int) Math.min(128, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
    /**
     * H2 rewrites the live pages of chunks once less than this share of the file is live data (its default is 90 %).
     * With every USSD hop replacing its session in the file (sessions are kept in memory since), H2 was rewriting
     * pages continuously at 90 %; at 50 % the file may grow to twice the live data instead.
     */
    private static final int COMPACT_BELOW_PERCENT = 50;

    /**
     * H2 writes what changed every this many milliseconds (its default is 1,000). Once more than its write buffer has
     * changed, the thread that changes a map writes it all itself: under USSD load, with the sessions then in the
     * file, that was a hop, or the session writer with the whole batch behind it, held up for 100-270 ms about once
     * a second. Written this often, the changes never reach that size.
     */
    private static final int WRITE_DELAY_MS = 100;

    /** The short-lived collections ({@link CollectionIndexes#shortLived}); null while H2Backend's constructor runs. */
    private final Set<String> shortLived;
    private final DurableWrites durableWrites;

    EmbeddedBackend(MVStore store, Set<String> shortLived) {
        super(store);
        this.shortLived = Set.copyOf(shortLived);
        this.durableWrites = new DurableWrites(store, shortLived);
        // H2Backend's constructor opened nothing (see resolveDatabase)
        store.getMapNames().stream().filter(name -> name.startsWith(IndexedDatabase.DOCUMENT_MAPS))
                .map(name -> name.substring(IndexedDatabase.DOCUMENT_MAPS.length()).split("\\.")[0])
                .distinct().forEach(this::resolveDatabase);
    }

    /** The H2 file at that path, created if missing. Pages are not compressed: clinic data is small, CPU is scarce. */
    static MVStore openFile(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB)
                .autoCompactFillRate(COMPACT_BELOW_PERCENT).open();
        store.setAutoCommitDelay(WRITE_DELAY_MS);
        return store;
    }

    /**
     * H2Backend's constructor opens the databases in the file, before the fields of this class are set: it gets
     * null and opens nothing, and this class's constructor opens them.
     */
    @Override
    public MongoDatabase resolveDatabase(String databaseName) {
        return shortLived == null ? null : super.resolveDatabase(databaseName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedDatabase(databaseName, getMvStore(), shortLived, getCursorRegistry());
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
        Document answer = durableWrites.run(command, query, () -> super.handleCommand(channel, database, command, query));
        if (command.equals("hello") || command.equalsIgnoreCase("isMaster")) {
            answer.put("logicalSessionTimeoutMinutes", SESSION_TIMEOUT_MINUTES);
        }
        return answer;
    }
}
