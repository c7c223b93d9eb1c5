package org.afyadial;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The one switch between the two stores tests run on, applied to every application context the
 * tests build: a real mongod in Testcontainers when a Docker engine is reachable, otherwise the
 * embedded server in memory. Each context gets its own database, so tests never see each other's data.
 */
@ContextConfigurer
public class TestStoreSwitch implements ApplicationContextConfigurer {

    private static final MongoDBContainer MONGO = dockerReachable() ? startMongo() : null;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        if (MONGO != null) {
            builder.properties(Map.of("mongodb.uri",
                    MONGO.getReplicaSetUrl("afyadial-" + UUID.randomUUID().toString().substring(0, 8))));
        } else {
            builder.properties(Map.of("afyadial.store.in-memory", true));
        }
    }

    public static boolean usesContainer() {
        return MONGO != null;
    }

    private static boolean dockerReachable() {
        boolean socket = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        return socket && DockerClientFactory.instance().isDockerAvailable();
    }

    private static MongoDBContainer startMongo() {
        MongoDBContainer container = new MongoDBContainer("mongo:8.0");
        container.start();
        return container;
    }
}
