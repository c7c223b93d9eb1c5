package org.afyadial.payments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/**
 * What a patient owes for one visit or service. Amounts are minor units of {@code currency};
 * {@code balance} is what is still due. {@code version} grows with every change.
 */
@Serdeable
public record Bill(String id, String reference, String patientId, @Nullable String appointmentId, List<Line> lines,
                   String currency, long amountDue, long amountPaid, long balance, BillStatus status,
                   @Nullable String voidReason, Instant createdAt, Instant updatedAt, long version) {

    /** One line of a bill: what, and how much in minor units. */
    @Serdeable
    public record Line(String description, long amount) {
    }

    static Bill of(Document d) {
        return new Bill(d.getString("_id"), d.getString("reference"), d.getString("patientId"),
                d.getString("appointmentId"),
                d.getList("lines", Document.class).stream().map(l -> new Line(l.getString("description"), l.getLong("amount"))).toList(),
                d.getString("currency"), d.getLong("amountDue"), d.getLong("amountPaid"), d.getLong("balance"),
                BillStatus.valueOf(d.getString("status")), d.getString("voidReason"),
                d.getDate("createdAt").toInstant(), d.getDate("updatedAt").toInstant(), d.getLong("version"));
    }
}
