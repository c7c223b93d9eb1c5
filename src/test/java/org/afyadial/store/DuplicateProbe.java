package org.afyadial.store;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.bson.Document;

import java.util.List;

/** Test-only feature: a collection with a unique index, an endpoint that writes to it and ones that fail in the store. */
@Controller("/test/probes")
@Secured(SecurityRule.IS_ANONYMOUS)
class DuplicateProbe {

    @Serdeable
    record Probe(@NotBlank String code, @Positive int quantity) {
    }

    @Singleton
    static class Indexes implements CollectionIndexes {
        @Override
        public String collection() {
            return "probes";
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(com.mongodb.client.model.Indexes.ascending("code"), new IndexOptions().unique(true)));
        }
    }

    private final Store store;

    DuplicateProbe(Store store) {
        this.store = store;
    }

    @Post
    @Status(HttpStatus.CREATED)
    Probe create(@Body @Valid Probe probe) {
        store.collection("probes").insertOne(new Document("code", probe.code()).append("quantity", probe.quantity()));
        return probe;
    }

    /** A command the store refuses for a reason other than a duplicate. */
    @Post("/refused")
    void refused() {
        store.database().runCommand(new Document("noSuchCommand", 1));
    }

    /** What the driver throws when it finds no server to talk to. */
    @Post("/unreachable")
    void unreachable() {
        throw new MongoTimeoutException("Timed out while waiting for a server");
    }

    @Post("/contended")
    void contended() {
        VersionedUpdate.retrying("Probe X-1", () -> {
            throw new OptimisticLockException("version changed");
        });
    }

    @Post("/boom")
    void boom() {
        throw new IllegalStateException("secret internal detail at com.example.Internal");
    }
}
