package org.afyadial.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micronaut.configuration.mongo.core.DefaultMongoConfiguration;
import jakarta.inject.Singleton;
import org.bson.Document;

/**
 * The AfyaDial database, for the few operations Micronaut Data repositories do not express:
 * atomic claims ({@code findOneAndUpdate}), counters and index creation.
 */
@Singleton
public class Store {

    private final MongoDatabase database;

    Store(MongoClient client, DefaultMongoConfiguration configuration) {
        String name = configuration.getConnectionString()
                .map(c -> c.getDatabase())
                .orElseThrow(() -> new IllegalStateException("MONGODB_URI must name a database, e.g. mongodb://host:27017/afyadial"));
        this.database = client.getDatabase(name);
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }
}
