package org.afyadial.payments;

import org.afyadial.store.Store;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;

/** The payment SMS queued for a patient, as the outbox holds them. */
public final class PaymentSmsSent {

    private PaymentSmsSent() {
    }

    public static List<String> to(Store store, String patientId) {
        List<String> found = new ArrayList<>();
        store.collection("sms_outbox").find(and(eq("patientId", patientId), regex("idempotencyKey", Pattern.compile("^payment:"))))
                .forEach((Document d) -> found.add(d.getString("text")));
        return found;
    }
}
