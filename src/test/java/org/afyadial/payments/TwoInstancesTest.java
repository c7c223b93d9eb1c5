package org.afyadial.payments;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.afyadial.AllAtOnce;
import org.afyadial.ClinicFixture;
import org.afyadial.TestStoreSwitch;
import org.afyadial.patients.Patient;
import org.afyadial.store.Store;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Two service instances on one store, each receiving every notification twice, all at once: every bill is paid
 * exactly once, one receipt per payment, nothing unmatched and nothing lost.
 */
class TwoInstancesTest {

    private static final int BILLS = 15;

    @Test
    void twoInstancesOnOneStoreApplyEveryPaymentOnce() throws IOException {
        assumeFalse(TestStoreSwitch.usesContainer(), "the second instance is pointed at the first one's embedded store");
        int storePort;
        try (ServerSocket free = new ServerSocket(0)) {
            storePort = free.getLocalPort();
        }
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class,
                Map.of("afyadial.store.in-memory", true, "afyadial.store.embedded-port", storePort));
             EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class,
                     Map.of("mongodb.uri", "mongodb://127.0.0.1:" + storePort + "/afyadial"));
             HttpClient toFirst = HttpClient.create(first.getURL());
             HttpClient toSecond = HttpClient.create(second.getURL())) {
            ApplicationContext context = first.getApplicationContext();
            ClinicFixture clinic = context.getBean(ClinicFixture.class);
            BillService bills = context.getBean(BillService.class);
            List<Bill> created = new ArrayList<>();
            for (int i = 0; i < BILLS; i++) {
                Patient patient = clinic.patient("Twin", "+2547116%05d".formatted(i));
                created.add(bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L))));
            }
            List<Callable<Integer>> deliveries = new ArrayList<>();
            for (Bill bill : created) {
                for (BlockingHttpClient instance : List.of(toFirst.toBlocking(), toSecond.toBlocking())) {
                    for (int copy = 0; copy < 2; copy++) {
                        deliveries.add(() -> instance.exchange(HttpRequest.POST("/at/payments/notification", notification(bill))
                                .contentType(MediaType.APPLICATION_JSON_TYPE)).code());
                    }
                }
            }
            Collections.shuffle(deliveries);

            assertTrue(AllAtOnce.run(deliveries).stream().allMatch(code -> code == 200));

            Store store = second.getApplicationContext().getBean(Store.class);
            for (Bill bill : created) {
                Bill after = bills.get(bill.id());
                assertEquals(BillStatus.PAID, after.status(), bill.reference());
                assertEquals(1L, after.version(), bill.reference());
            }
            assertEquals(BILLS, store.collection("payments").countDocuments());
            assertEquals(0, store.collection("payments").countDocuments(eq("review", "UNMATCHED")));
            assertEquals(BILLS, store.collection("sms_outbox").countDocuments(regex("idempotencyKey", Pattern.compile("^payment:"))));
        }
    }

    private static String notification(Bill bill) {
        return """
                {"transactionId":"ATPid_%s","category":"MobileC2B","provider":"Mpesa","providerRefId":"Q%s",
                "clientAccount":"%s","source":"+254711082300","value":"KES 500.00","status":"Success"}"""
                .formatted(bill.id(), bill.id().substring(16), bill.reference());
    }
}
