package org.afyadial.payments;

import jakarta.inject.Singleton;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.sms.MessageKind;
import org.afyadial.sms.Outbox;
import org.afyadial.sms.SmsRequest;
import org.afyadial.sms.SmsTemplates;

import java.util.Map;

/**
 * The patient's SMS about a payment, through the outbox: one outcome per payment (its idempotency key is the
 * payment's id), however often the provider repeats itself, and one notice that it waits for review, which a
 * receipt may follow once staff apply the money. Payments answer the patient's own action, so they go out at
 * once, quiet hours or not.
 */
@Singleton
class PaymentTexts {

    private final Outbox outbox;
    private final SmsTemplates templates;
    private final PatientService patients;

    PaymentTexts(Outbox outbox, SmsTemplates templates, PatientService patients) {
        this.outbox = outbox;
        this.templates = templates;
        this.patients = patients;
    }

    /**
     * A receipt, with the code the payer sees; with the balance still due when the bill is only partly paid. Money
     * taken at the desk has no such code.
     */
    void receipt(Payment payment, Bill bill) {
        if (payment.provider() == Provider.CASH) {
            receiptWithoutCode(payment, bill);
        } else {
            send(outcomeKey(payment), payment, bill, bill.status() == BillStatus.PARTIALLY_PAID ? "payment-partial" : "payment-receipt");
        }
    }

    /** The receipt of a success whose code the payer sees never came: the same, without a code. */
    void receiptWithoutCode(Payment payment, Bill bill) {
        send(outcomeKey(payment), payment, bill, bill.status() == BillStatus.PARTIALLY_PAID ? "payment-partial-no-code" : "payment-receipt-no-code");
    }

    /** Money received that a person must look at before it counts. */
    void inReview(Payment payment, Bill bill) {
        send(outcomeKey(payment) + ":review", payment, bill, "payment-review");
    }

    void failure(Payment payment, Bill bill) {
        send(outcomeKey(payment), payment, bill, payment.failure().templateKey());
    }

    private void send(String idempotencyKey, Payment payment, Bill bill, String template) {
        Patient patient = patients.get(bill.patientId());
        if (patient.phoneInvalid()) {
            return;
        }
        String language = patient.language().name();
        Map<String, String> values = Map.of(
                "reference", bill.reference(),
                "amount", Money.format(payment.amount(), payment.currency()),
                "code", payment.receiptCode() == null ? payment.transactionId() : payment.receiptCode(),
                "balance", Money.format(bill.balance(), bill.currency()),
                "due", Money.format(bill.balance(), bill.currency()));
        outbox.queue(SmsRequest.now(idempotencyKey, patient.id(), patient.phone(), language,
                templates.render(language, template, values), MessageKind.REPLY));
    }

    private static String outcomeKey(Payment payment) {
        return "payment:" + payment.id();
    }
}
