package org.afyadial.payments;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.afyadial.audit.AuditTrail;
import org.afyadial.patients.PatientService;
import org.afyadial.payments.PaymentProblems.BillNotFound;
import org.afyadial.payments.PaymentProblems.BillNotVoidable;
import org.afyadial.system.ClinicSettings;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/** Bills: created for a paid visit or by staff, listed, voided. Every change is audited. */
@Singleton
public class BillService {

    static final int LIST_LIMIT = 500;

    private final Bills bills;
    private final Payments payments;
    private final PatientService patients;
    private final AuditTrail audit;
    private final ClinicSettings clinic;
    private final Clock clock;

    BillService(Bills bills, Payments payments, PatientService patients, AuditTrail audit, ClinicSettings clinic, Clock clock) {
        this.bills = bills;
        this.payments = payments;
        this.patients = patients;
        this.audit = audit;
        this.clinic = clinic;
        this.clock = clock;
    }

    /** A bill staff write, in the clinic's currency. */
    public Bill create(String patientId, List<Bill.Line> lines) {
        patients.get(patientId);
        Bill bill = bills.insert(patientId, null, lines, clinic.currency(), clock.instant()).orElseThrow();
        audit.record("bill.create", "bill", bill.id(), patientId);
        return bill;
    }

    public Bill get(String id) {
        return bills.find(id).orElseThrow(() -> new BillNotFound(id));
    }

    public Optional<Bill> byReference(String reference) {
        return bills.byReference(reference);
    }

    /** Newest first. */
    public List<Bill> list(@Nullable String patientId, @Nullable BillStatus status) {
        return bills.list(patientId, status == null ? null : List.of(status), LIST_LIMIT);
    }

    /** What the patient still has to pay, newest first. */
    public List<Bill> unpaid(String patientId) {
        return bills.list(patientId, List.of(BillStatus.UNPAID, BillStatus.PARTIALLY_PAID), LIST_LIMIT);
    }

    /** The payments recorded against the bill, e.g. for the patient's history. */
    public List<Payment> payments(String billId) {
        return payments.forBill(billId);
    }

    public Bill voidBill(String id, String reason) {
        Bill bill = bills.move(eq("_id", id), List.of(BillStatus.UNPAID), BillStatus.VOID, reason, clock.instant())
                .orElseThrow(() -> new BillNotVoidable(get(id)));
        audit.record("bill.void", "bill", id, bill.patientId());
        return bill;
    }
}
