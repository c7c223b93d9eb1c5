package org.afyadial.ussd;

import com.mongodb.client.model.Filters;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.afyadial.ClinicFixture;
import org.afyadial.TestStoreSwitch;
import org.afyadial.doctors.DoctorService;
import org.afyadial.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A conversation interrupted by a restart of the service on the embedded store, which keeps the sessions in memory
 * only. The inputs the next hop's text carries were acted on before the restart, so they are not played again: the
 * patient is greeted back at the start screen, which shows where the records stand, and nothing is done twice.
 */
class UssdRestartTest {

    private static final String PHONE = "+254733099001";
    private static final String WELCOME_BACK = "CON Welcome back. ";
    private static final String MAIN_MENU = WELCOME_BACK + "AfyaDial Clinic";
    private static final String[] REGISTRATION = {"1", "Amina", "Otieno", "1990", "1", "1234", "1234"};

    @TempDir
    Path dataDir;

    @BeforeEach
    void onTheFileStore() {
        assumeFalse(TestStoreSwitch.usesContainer(), "the test store switch sets mongodb.uri");
    }

    @Test
    void aConversationCutMidRegistrationStartsAgainAtTheStart() {
        Interrupted interrupted = onService((phone, store) -> {
            phone.dial();
            assertTrue(phone.type("1").startsWith("CON Enter the first name:"));
            assertTrue(phone.type("Amina").startsWith("CON Enter the last name:"));
            assertEquals(1, store.collection(SessionStore.SESSIONS).countDocuments());
            return Interrupted.at(phone);
        });

        onService((phone, store) -> {
            assertEquals(0, store.collection(SessionStore.SESSIONS).countDocuments(), "sessions are not kept on file");
            String answer = interrupted.next(phone, "Otieno");
            assertTrue(answer.startsWith(WELCOME_BACK + "Welcome to AfyaDial Clinic. Choose a language:\n1. English"), answer);
            assertTrue(interrupted.next(phone, "Otieno*1").startsWith("CON Enter the first name:"), "later inputs are read");
            assertEquals(0, store.collection("patients").countDocuments());
            return null;
        });
    }

    @Test
    void aRestartRightAfterRegistrationNeitherRegistersAgainNorLosesThePatient() {
        Interrupted interrupted = onService((phone, store) -> {
            register(phone);
            return Interrupted.at(phone);
        });

        onService((phone, store) -> {
            String again = interrupted.resend(phone);
            assertTrue(again.startsWith(MAIN_MENU), again);
            assertEquals(again, interrupted.resend(phone), "a copy of the hop gets the same screen");
            String consumed = store.collection(SessionStore.SESSIONS).find(Filters.eq("_id", interrupted.sessionId()))
                    .first().getString("consumed");
            assertEquals(interrupted.text().length(), consumed.length());
            assertFalse(consumed.contains("1234"), "the PIN in the lost text is not kept");
            assertTrue(interrupted.next(phone, "1").startsWith("CON Choose a service:"), "the next input is read");
            assertEquals(1, store.collection("patients").countDocuments(Filters.eq("firstName", "Amina")));
            return null;
        });
    }

    @Test
    void aRestartRightAfterBookingNeverBooksTwice() {
        Interrupted interrupted = onService((phone, store) -> {
            register(phone);
            book(phone);
            return Interrupted.at(phone);
        });

        onService((phone, store) -> {
            String again = interrupted.resend(phone);
            assertTrue(again.startsWith(MAIN_MENU), again);
            assertEquals(1, store.collection("appointments").countDocuments());
            return null;
        });
    }

    @Test
    void aRestartRightAfterACancellationNeitherCancelsAgainNorEndsOnAnError() {
        Interrupted interrupted = onService((phone, store) -> {
            register(phone);
            book(phone);
            String cancelled = dialAndType(phone, "2", "1234", "1", "1", "1");
            assertTrue(cancelled.startsWith("END Appointment AFD-"), cancelled);
            return Interrupted.at(phone);
        });

        onService((phone, store) -> {
            String again = interrupted.resend(phone);
            assertTrue(again.startsWith(MAIN_MENU), again);
            assertEquals(1, store.collection("appointments").countDocuments(Filters.eq("status", "CANCELLED")));
            assertEquals(1, store.collection("appointments").countDocuments());
            return null;
        });
    }

    private static void register(UssdPhone phone) {
        String registered = dialAndType(phone, REGISTRATION);
        assertTrue(registered.startsWith("CON Registered."), registered);
    }

    /** General Medicine, Dr Kamau, the third free day (at least two days ahead: it may be cancelled), first time. */
    private static void book(UssdPhone phone) {
        String booked = dialAndType(phone, "1", "1", "1", "3", "1", "1");
        assertTrue(booked.startsWith("END Booked: Dr Amina Kamau"), booked);
    }

    /** A new dial, then the inputs; answers the last screen. */
    private static String dialAndType(UssdPhone phone, String... inputs) {
        String screen = phone.dial();
        for (String input : inputs) {
            screen = phone.type(input);
        }
        return screen;
    }

    /** Where the conversation stood when the service stopped. */
    private record Interrupted(String sessionId, String text) {

        static Interrupted at(UssdPhone phone) {
            return new Interrupted(phone.sessionId(), phone.text());
        }

        /** The last hop again, as the provider retries a request it got no answer to. */
        String resend(UssdPhone phone) {
            return phone.post(UssdPhone.form(sessionId, PHONE, text));
        }

        String next(UssdPhone phone, String inputs) {
            return phone.post(UssdPhone.form(sessionId, PHONE, text + "*" + inputs));
        }
    }

    private <T> T onService(BiFunction<UssdPhone, Store, T> work) {
        Map<String, Object> fileStore = Map.of("afyadial.data-dir", dataDir.toString(), "afyadial.store.in-memory", false);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, fileStore);
             HttpClient client = HttpClient.create(server.getURL())) {
            if (server.getApplicationContext().getBean(DoctorService.class).specialties().isEmpty()) {
                server.getApplicationContext().getBean(ClinicFixture.class).doctor("Kamau", "General Medicine", "kamau");
            }
            return work.apply(new UssdPhone(client.toBlocking(), PHONE), server.getApplicationContext().getBean(Store.class));
        }
    }
}
