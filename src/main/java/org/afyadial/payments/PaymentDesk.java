package org.afyadial.payments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.afyadial.audit.AuditTrail;
import org.afyadial.payments.PaymentProblems.BillNotPayable;
import org.afyadial.payments.PaymentProblems.NotInReview;
import org.afyadial.payments.PaymentProblems.NotRefundable;
import org.afyadial.payments.PaymentProblems.PaymentNotFound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;

/** What staff do with money: take cash, look through payments, match what waits in reconciliation, record refunds. */
@Singleton
class PaymentDesk {

    private static final int LIST_LIMIT = 1000;

    private final PaymentLedger ledger;
    private final Payments payments;
    private final Bills bills;
    private final BillService billService;
    private final PushRequests requests;
    private final CodeClaims claims;
    private final PaymentSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    PaymentDesk(PaymentLedger ledger, Payments payments, Bills bills, BillService billService, PushRequests requests,
                CodeClaims claims, PaymentSettings settings, AuditTrail audit, Clock clock) {
        this.ledger = ledger;
        this.payments = payments;
        this.bills = bills;
        this.billService = billService;
        this.requests = requests;
        this.claims = claims;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything that waits for a person; empty lists included. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Reconciliation(List<Payment> unmatched, List<Payment> overpaid, List<Payment> currencyMismatches,
                          List<Payment> lateSuccesses, List<PushRequests.PushRequest> pendingTooLong,
                          List<CodeClaims.Claim> unconfirmedClaims, List<Bill> refundsDue) {
    }

    /** A bill with the payments recorded against it. */
    @Serdeable
    record BillWithPayments(Bill bill, List<Payment> payments) {
    }

    BillWithPayments bill(String id) {
        Bill bill = billService.get(id);
        audit.record("bill.read", "bill", id, bill.patientId());
        return new BillWithPayments(bill, payments.forBill(id));
    }

    /** Cash or another payment entered at the desk: applied like a provider's, refused when it does not fit the bill. */
    Payment takeManual(String billId, long amount, @Nullable String note) {
        Bill bill = billService.get(billId);
        if (!BillStatus.OPEN.contains(bill.status().name()) || amount > bill.balance()) {
            throw new BillNotPayable(bill, amount);
        }
        Payment payment = ledger.record(new PaymentResult(Provider.CASH, UUID.randomUUID().toString(), null,
                bill.reference(), null, amount, bill.currency(), null, null));
        if (!payment.applied()) {
            throw new BillNotPayable(billService.get(billId), amount);
        }
        audit.record("payment.manual", "payment", payment.id(), bill.patientId());
        return payment;
    }

    List<Payment> search(@Nullable Instant from, @Nullable Instant to, @Nullable Provider provider, @Nullable PaymentStatus status) {
        return payments.search(from, to, provider, status, LIST_LIMIT);
    }

    Reconciliation reconciliation() {
        Instant now = clock.instant();
        List<Payment> inReview = payments.inReview();
        return new Reconciliation(withReview(inReview, Review.UNMATCHED), withReview(inReview, Review.OVERPAID),
                withReview(inReview, Review.CURRENCY_MISMATCH), withReview(inReview, Review.LATE_SUCCESS),
                requests.pendingSince(now.minus(settings.pendingCheckAfter()), LIST_LIMIT),
                claims.awaitingSince(now.minus(settings.claimLifetime())),
                bills.list(null, List.of(BillStatus.REFUND_DUE), LIST_LIMIT));
    }

    /** Applies money waiting in reconciliation to the bill staff chose. */
    Payment match(String paymentId, String billId) {
        Bill bill = billService.get(billId);
        Payment payment = payments.find(paymentId).orElseThrow(() -> new PaymentNotFound(paymentId));
        switch (ledger.applyWaiting(paymentId, bill)) {
            case NOT_WAITING -> throw new NotInReview(paymentId);
            case DOES_NOT_FIT -> throw new BillNotPayable(bill, payment.amount());
            case APPLIED -> audit.record("payment.match", "payment", paymentId, bill.patientId());
        }
        return payments.find(paymentId).orElseThrow();
    }

    /** Records a refund made in the provider's portal; a cancelled visit's bill waiting for it becomes REFUNDED. */
    Payment refund(String paymentId, String reason) {
        Payment payment = payments.find(paymentId).orElseThrow(() -> new PaymentNotFound(paymentId));
        Payment refunded = payments.refunded(paymentId, reason, clock.instant()).orElseThrow(() -> new NotRefundable(paymentId));
        String patientId = null;
        if (payment.billId() != null) {
            patientId = bills.move(eq("_id", payment.billId()), List.of(BillStatus.REFUND_DUE), BillStatus.REFUNDED, reason, clock.instant())
                    .or(() -> bills.find(payment.billId())).map(Bill::patientId).orElse(null);
        }
        audit.record("payment.refund", "payment", paymentId, patientId);
        return refunded;
    }

    private static List<Payment> withReview(List<Payment> payments, Review review) {
        return payments.stream().filter(p -> p.review() == review).toList();
    }
}
