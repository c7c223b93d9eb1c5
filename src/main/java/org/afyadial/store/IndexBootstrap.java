package org.afyadial.store;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Creates every declared index when the application starts; creating an existing index is a no-op. A TTL index
 * whose expiry was changed (a retention setting) takes the new one.
 */
@Context
class IndexBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(IndexBootstrap.class);
    /** Another instance starting at the same time dropped the index first. */
    private static final int INDEX_NOT_FOUND = 27;
    /** The embedded server knows no collMod. */
    private static final int COMMAND_NOT_FOUND = 59;

    private final Store store;
    private final List<CollectionIndexes> declarations;

    IndexBootstrap(Store store, List<CollectionIndexes> declarations) {
        this.store = store;
        this.declarations = declarations;
    }

    @PostConstruct
    void createIndexes() {
        for (CollectionIndexes declaration : declarations) {
            if (!declaration.indexes().isEmpty()) {
                MongoCollection<Document> collection = store.collection(declaration.collection());
                changeExpiries(collection, declaration.indexes());
                collection.createIndexes(declaration.indexes());
            }
        }
        LOG.info("Indexes ensured on {} collections", declarations.size());
    }

    /**
     * Creating an index again with another expiry does not change it: MongoDB refuses the options, the embedded
     * server adds a second index of the same name. So a named index whose stored expiry differs from the declared
     * one is changed in place by collMod (MongoDB keeps the index and serves queries throughout), or, where that
     * cannot be (the embedded server, an expiry removed), dropped here and created again after.
     */
    private void changeExpiries(MongoCollection<Document> collection, List<IndexModel> declared) {
        Map<String, Long> storedExpiries = new HashMap<>();
        collection.listIndexes().forEach(index -> storedExpiries.put(index.getString("name"), expireAfterSeconds(index)));
        for (IndexModel index : declared) {
            String name = index.getOptions().getName();
            Long expiry = index.getOptions().getExpireAfter(TimeUnit.SECONDS);
            if (name != null && storedExpiries.containsKey(name) && !Objects.equals(storedExpiries.get(name), expiry)) {
                LOG.info("Index {} on {} changes its expiry from {} s to {} s",
                        name, collection.getNamespace().getCollectionName(), storedExpiries.get(name), expiry);
                if (expiry == null || !changedInPlace(collection, name, expiry)) {
                    dropIndex(collection, name);
                }
            }
        }
    }

    private boolean changedInPlace(MongoCollection<Document> collection, String name, long expiry) {
        try {
            store.database().runCommand(new Document("collMod", collection.getNamespace().getCollectionName())
                    .append("index", new Document("name", name).append("expireAfterSeconds", expiry)));
            return true;
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != COMMAND_NOT_FOUND) {
                throw e;
            }
            return false;
        }
    }

    private static Long expireAfterSeconds(Document index) {
        Object seconds = index.get("expireAfterSeconds");
        return seconds instanceof Number number ? number.longValue() : null;
    }

    private static void dropIndex(MongoCollection<Document> collection, String name) {
        try {
            collection.dropIndex(name);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != INDEX_NOT_FOUND) {
                throw e;
            }
        }
    }
}
