package org.afyadial.store;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.micronaut.context.ApplicationContext;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A declared index whose expiry changed takes the new one at start, on MongoDB as on the embedded store. */
class IndexBootstrapTest {

    private static final String PROBE = "index_bootstrap_probe";

    private ApplicationContext context;
    private Store store;

    @BeforeEach
    void start() {
        context = ApplicationContext.run();
        store = context.getBean(Store.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private record Declared(List<IndexModel> indexes) implements CollectionIndexes {
        @Override
        public String collection() {
            return PROBE;
        }
    }

    private void declare(IndexModel... indexes) {
        new IndexBootstrap(store, List.of(new Declared(Arrays.asList(indexes)))).createIndexes();
    }

    private static IndexModel settledAt(long seconds) {
        return new IndexModel(Indexes.ascending("settledAt"), new IndexOptions().name("kept_for").expireAfter(seconds, TimeUnit.SECONDS));
    }

    private static IndexModel phone(IndexOptions options) {
        return new IndexModel(Indexes.ascending("phone"), options.name("by_phone"));
    }

    @Test
    void aChangedExpiryReplacesTheStoredOneAndAnUnchangedIndexStaysAlone() {
        declare(settledAt(100), phone(new IndexOptions()));

        declare(settledAt(200), phone(new IndexOptions()));

        assertEquals(List.of("200"), expiries("kept_for"));
        assertEquals(List.of("none"), expiries("by_phone"));
    }

    @Test
    void anIndexGainsAnExpiryAndLosesItAgain() {
        declare(phone(new IndexOptions()));

        declare(phone(new IndexOptions().expireAfter(300L, TimeUnit.SECONDS)));
        assertEquals(List.of("300"), expiries("by_phone"));

        declare(phone(new IndexOptions()));
        assertEquals(List.of("none"), expiries("by_phone"));
    }

    /** One entry per index of that name: the embedded server would list a second one were an index created twice. */
    private List<String> expiries(String name) {
        return store.collection(PROBE).listIndexes().into(new ArrayList<>()).stream()
                .filter(index -> name.equals(index.getString("name")))
                .map(IndexBootstrapTest::expiry)
                .toList();
    }

    private static String expiry(Document index) {
        return index.get("expireAfterSeconds") instanceof Number seconds ? String.valueOf(seconds.longValue()) : "none";
    }
}
