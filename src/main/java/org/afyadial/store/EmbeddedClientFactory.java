package org.afyadial.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import io.micronaut.configuration.mongo.sync.DefaultMongoClientFactory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The service's MongoDB client on the embedded store: Micronaut's own would always open a socket. */
@Factory
@Requires(missingProperty = "mongodb.uri")
class EmbeddedClientFactory {

    @Singleton
    @Primary
    @Bean(preDestroy = "close")
    @Replaces(bean = MongoClient.class, factory = DefaultMongoClientFactory.class)
    MongoClient mongoClient(EmbeddedMongoConfiguration configuration, MongoClientSettings settings) {
        return configuration.client(settings);
    }
}
