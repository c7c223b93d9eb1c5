package org.afyadial.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * On a real MongoDB a write is acknowledged once a majority of the replica set has it in its journal, unless
 * {@code MONGODB_URI} names its own write concern ({@code w}, {@code journal}, {@code wtimeoutMS}). The driver's
 * default acknowledges a write the primary holds in memory: a failover or a power cut could lose it.
 */
@Singleton
@Requires(property = "mongodb.uri")
final class MajorityWriteConcern implements BeanCreatedEventListener<MongoClientSettings> {

    static final WriteConcern DURABLE = WriteConcern.MAJORITY.withJournal(true);

    private final ConnectionString uri;

    MajorityWriteConcern(@Value("${mongodb.uri}") String uri) {
        this.uri = new ConnectionString(uri);
    }

    @Override
    public MongoClientSettings onCreated(BeanCreatedEvent<MongoClientSettings> event) {
        return withDurableDefault(uri, event.getBean());
    }

    static MongoClientSettings withDurableDefault(ConnectionString uri, MongoClientSettings settings) {
        return uri.getWriteConcern() != null ? settings : MongoClientSettings.builder(settings).writeConcern(DURABLE).build();
    }
}
