package org.afyadial.ussd;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.afyadial.TestStoreSwitch;
import org.afyadial.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A conversation goes on across a restart of the service on the embedded store, which keeps the sessions in
 * memory only: the next hop's text carries every input, and the engine plays them through.
 */
class UssdRestartTest {

    private static final String PHONE = "+254733099001";

    @TempDir
    Path dataDir;

    @Test
    void theNextHopAfterARestartGoesOnFromTheInputsItsTextCarries() {
        assumeFalse(TestStoreSwitch.usesContainer(), "the test store switch sets mongodb.uri");
        Interrupted interrupted = onService((phone, store) -> {
            phone.dial();
            assertTrue(phone.type("1").startsWith("CON Enter the first name:"));
            assertTrue(phone.type("Amina").startsWith("CON Enter the last name:"));
            assertEquals(1, store.collection(SessionStore.SESSIONS).countDocuments());
            return new Interrupted(phone.sessionId(), phone.text());
        });

        onService((phone, store) -> {
            assertEquals(0, store.collection(SessionStore.SESSIONS).countDocuments(), "sessions are not kept on file");
            String answer = phone.post(UssdPhone.form(interrupted.sessionId(), PHONE, interrupted.text() + "*Otieno"));
            assertTrue(answer.startsWith("CON Year of birth (e.g. 1990):"), answer);
            String next = phone.post(UssdPhone.form(interrupted.sessionId(), PHONE, interrupted.text() + "*Otieno*1990"));
            assertTrue(next.startsWith("CON Sex:"), next);
            return null;
        });
    }

    /** Where the conversation stood when the service stopped. */
    private record Interrupted(String sessionId, String text) {
    }

    private <T> T onService(BiFunction<UssdPhone, Store, T> work) {
        Map<String, Object> fileStore = Map.of("afyadial.data-dir", dataDir.toString(), "afyadial.store.in-memory", false);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, fileStore);
             HttpClient client = HttpClient.create(server.getURL())) {
            return work.apply(new UssdPhone(client.toBlocking(), PHONE), server.getApplicationContext().getBean(Store.class));
        }
    }
}
