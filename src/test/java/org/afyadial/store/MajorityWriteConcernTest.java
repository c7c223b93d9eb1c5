package org.afyadial.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The write concern of the connection to a real MongoDB: majority and journaled unless the URI says otherwise. */
class MajorityWriteConcernTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mongodb://mongo:27017/afyadial?replicaSet=rs0                 | majority | true
            mongodb://mongo:27017/afyadial                                | majority | true
            mongodb://mongo:27017/afyadial?replicaSet=rs0&w=1             | 1        |
            mongodb://mongo:27017/afyadial?w=majority&journal=false       | majority | false
            mongodb://mongo:27017/afyadial?journal=true                   |          | true
            """)
    void theUriDecidesWhenItNamesAWriteConcern(String uri, String w, Boolean journal) {
        WriteConcern concern = MajorityWriteConcern.withDurableDefault(new ConnectionString(uri),
                MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri)).build()).getWriteConcern();
        assertEquals(w, concern.getWObject() == null ? null : String.valueOf(concern.getWObject()), uri);
        assertEquals(journal, concern.getJournal(), uri);
    }

    @Test
    void theServiceConnectsWithIt() {
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort() + "/clinic";
        try (ApplicationContext context = ApplicationContext.run(Map.of("mongodb.uri", uri))) {
            assertEquals(MajorityWriteConcern.DURABLE, context.getBean(MongoClientSettings.class).getWriteConcern());
        } finally {
            server.shutdownNow();
        }
    }
}
