package org.afyadial.payments;

import jakarta.inject.Singleton;
import org.afyadial.payments.PushRequests.PushRequest;
import org.afyadial.store.Durability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * Records what providers say about money and applies it to bills, exactly once per provider transaction, whatever
 * the number of deliveries and instances: the payment is stored under its unique (provider, transaction id), the
 * bill takes it in one conditional update that requires it not applied yet, and what it did is settled once.
 * Nothing a provider says is trusted beyond what the store confirms: the bill comes from our own push request,
 * or from a reference or claimed code the store knows; amount and currency are checked against it.
 */
@Singleton
public class PaymentLedger {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentLedger.class);

    private final Payments payments;
    private final Bills bills;
    private final PushRequests requests;
    private final CodeClaims claims;
    private final PaymentTexts texts;
    private final PaymentSettings settings;
    private final Clock clock;

    PaymentLedger(Payments payments, Bills bills, PushRequests requests, CodeClaims claims, PaymentTexts texts,
                  PaymentSettings settings, Clock clock) {
        this.payments = payments;
        this.bills = bills;
        this.requests = requests;
        this.claims = claims;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Transaction codes as people type them: case and spaces do not matter. */
    public static String normalizeCode(String code) {
        return code.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** Records a provider's word on a transaction; a repeated delivery finds it recorded and changes nothing. */
    public Payment record(PaymentResult result) {
        return Durability.together(() -> recordNow(result));
    }

    private Payment recordNow(PaymentResult result) {
        Instant now = clock.instant();
        Payments.Recorded recorded = payments.insertOnce(result, now);
        Payment payment = recorded.payment();
        if (result.receiptCode() != null && payment.receiptCode() != null && !payment.receiptCode().equals(result.receiptCode())) {
            // another transaction told under the same id (paybill money taken for a push's): kept as its own
            LOG.warn("Payment {} of {} has receipt {}, another word on it {}: recorded apart", payment.id(),
                    result.provider(), payment.receiptCode(), result.receiptCode());
            return recordNow(result.underReceipt());
        }
        Optional<Payment> learnt = receiptLearnt(payment, result, now);
        if (recorded.settled()) {
            learnt.filter(Payment::applied).ifPresent(this::receiptNowKnown);
            return learnt.orElse(payment);
        }
        payment = learnt.orElse(payment);
        return result.succeeded() ? settleSuccess(payment, result, now) : settleFailure(payment, result, now);
    }

    /** The payment with the receipt this word brings, when it was first told without one. */
    private Optional<Payment> receiptLearnt(Payment payment, PaymentResult result, Instant now) {
        if (result.receiptCode() == null || payment.receiptCode() != null) {
            return Optional.empty();
        }
        Optional<Payment> learnt = payments.attachReceipt(payment.id(), result.receiptCode(), now);
        learnt.filter(p -> p.requestId() != null)
                .ifPresent(p -> requests.noteReceipt(p.provider(), p.requestId(), result.receiptCode()));
        return learnt;
    }

    /** The receipt SMS that waited for the code the payer sees (see {@link #receiptToFollow}). */
    private void receiptNowKnown(Payment payment) {
        bills.find(payment.billId()).ifPresent(bill -> texts.receipt(payment, bill));
        payments.receiptQueued(payment.id());
    }

    /**
     * Sends the receipts that waited {@code PAYMENT_RECEIPT_CODE_WAIT} for their code in vain, without it: the
     * patient paid and must hear so. Exactly one receipt per payment however the code and this race, and however
     * many instances run this: the outbox keeps one message per idempotency key, the payment's.
     */
    void sendReceiptsDue(int limit) {
        for (Payment payment : payments.receiptsDue(clock.instant(), limit)) {
            bills.find(payment.billId()).ifPresent(bill -> {
                if (payment.receiptCode() == null) {
                    texts.receiptWithoutCode(payment, bill);
                } else {
                    texts.receipt(payment, bill);
                }
            });
            payments.receiptQueued(payment.id());
        }
    }

    /**
     * Whether the patient's receipt waits for the code they see in their own SMS from the network: Daraja's STK
     * query tells a success without the M-Pesa receipt, which the STK callback or the paybill's C2B confirmation
     * brings later; AT's find-transaction query may answer before AT knows the provider's {@code providerRefId},
     * which its notification then brings. MoMo tells a success only with its financial transaction id, and money
     * entered at the desk has no code to wait for.
     */
    private static boolean receiptToFollow(Payment payment) {
        return (payment.provider() == Provider.MPESA || payment.provider() == Provider.AT_CHECKOUT) && payment.receiptCode() == null;
    }

    /** What became of money waiting in reconciliation that someone matched to a bill. */
    enum Matched { APPLIED, NOT_WAITING, DOES_NOT_FIT }

    /**
     * Applies money waiting in reconciliation to a bill: claimed first in one conditional update, so two matches
     * never both apply it; put back in review when the bill does not take it.
     */
    Matched applyWaiting(String paymentId, Bill bill) {
        Instant now = clock.instant();
        Optional<Payment> waiting = payments.find(paymentId).filter(p -> p.review() != null && !p.applied());
        Optional<Payment> claimed = waiting.flatMap(p -> payments.resolve(paymentId,
                combine(set("billId", bill.id()), set("applied", true), set("review", null)), now));
        if (claimed.isEmpty()) {
            return Matched.NOT_WAITING;
        }
        Optional<Bill> changed = bills.apply(bill.id(), paymentId, claimed.get().amount(), claimed.get().currency(), now);
        if (changed.isEmpty()) {
            payments.reopen(paymentId, waiting.get().review(), now);
            return Matched.DOES_NOT_FIT;
        }
        texts.receipt(claimed.get(), changed.get());
        return Matched.APPLIED;
    }

    /** What a patient's "I already paid, code X" did. */
    public enum Claimed { SETTLED, AWAITING, USED, DOES_NOT_FIT }

    /**
     * A patient names the transaction code of money sent for a bill: money already recorded and waiting is applied
     * to it; otherwise the claim waits for the money. A code serves one bill only.
     */
    public Claimed claim(String billId, String patientId, String typedCode) {
        String code = normalizeCode(typedCode);
        Bill bill = bills.find(billId).filter(b -> b.patientId().equals(patientId))
                .orElseThrow(() -> new IllegalStateException("Bill " + billId + " is not the patient's"));
        Optional<Payment> recorded = payments.byReceiptCode(code);
        if (recorded.isEmpty()) {
            return claims.claim(code, bill, clock.instant()) ? Claimed.AWAITING : Claimed.USED;
        }
        return switch (applyWaiting(recorded.get().id(), bill)) {
            case APPLIED -> Claimed.SETTLED;
            case NOT_WAITING -> Claimed.USED;
            case DOES_NOT_FIT -> Claimed.DOES_NOT_FIT;
        };
    }

    private Payment settleFailure(Payment payment, PaymentResult result, Instant now) {
        Optional<PushRequest> ended = result.requestId() == null ? Optional.empty()
                : requests.failed(result.provider(), result.requestId(), result.failure());
        Optional<Bill> bill = ended.flatMap(r -> bills.find(r.billId()));
        bill.ifPresent(b -> texts.failure(payment, b));
        Payment settled = settled(payment, bill.map(Bill::id).orElse(null), false, null, now);
        if (ended.isEmpty() && result.requestId() != null) {
            matchIfRequestKnownNow(result);
        }
        return settled;
    }

    /**
     * Matches to a push request what its provider told of it before the request knew its provider id (Daraja can
     * call back before the STK push's answer is stored): a success recorded as unmatched is settled again against
     * the request's bill, and a failure ends the request and tells the patient. Called once the request knows its
     * id, and by a word that found no request by that id once it is recorded: of the two, whichever runs second
     * sees the other's write, and each step is one conditional update, so it happens once in any order.
     *
     * @return whether it ended the request
     */
    public boolean matchToRequest(Provider provider, String providerRequestId) {
        return Durability.together(() -> {
            Instant now = clock.instant();
            boolean ended = false;
            for (Optional<Payment> early = payments.takeBackUnmatched(provider, providerRequestId, now); early.isPresent();
                 early = payments.takeBackUnmatched(provider, providerRequestId, now)) {
                Payment payment = early.get();
                settleSuccess(payment, new PaymentResult(provider, payment.transactionId(), providerRequestId, null, null,
                        payment.amount(), payment.currency(), payment.receiptCode(), null), now);
                ended = true;
            }
            return payments.failureOf(provider, providerRequestId).map(failure -> endWithEarlyFailure(failure, providerRequestId, now))
                    .orElse(false) || ended;
        });
    }

    private boolean endWithEarlyFailure(Payment failure, String providerRequestId, Instant now) {
        Optional<PushRequest> ended = requests.failed(failure.provider(), providerRequestId, failure.failure());
        ended.flatMap(r -> bills.find(r.billId())).ifPresent(bill -> {
            payments.failedFor(failure.id(), bill.id(), now);
            texts.failure(failure, bill);
        });
        return ended.isPresent();
    }

    /**
     * A word on a push request that the store did not know by this id when it looked, now recorded: the request may
     * know it now. Answers whether that ended the request.
     */
    private boolean matchIfRequestKnownNow(PaymentResult result) {
        return requests.find(result.provider(), result.requestId()).isPresent() && matchToRequest(result.provider(), result.requestId());
    }

    private Payment settleSuccess(Payment payment, PaymentResult result, Instant now) {
        Optional<PushRequest> before = result.requestId() == null ? Optional.empty()
                : requests.succeeded(result.provider(), result.requestId(), result.receiptCode());
        boolean late = before.map(r -> r.status() == PushRequests.Status.FAILED || r.status() == PushRequests.Status.TIMED_OUT).orElse(false);
        Optional<Bill> bill = before.map(PushRequest::billId).or(() -> billNamedBy(result)).flatMap(bills::find);
        if (bill.isEmpty()) {
            LOG.info("Payment {} of {} matches no bill: kept for reconciliation", payment.id(), result.provider());
            Payment unmatched = settled(payment, null, false, Review.UNMATCHED, now);
            return result.requestId() != null && matchIfRequestKnownNow(result) ? payments.find(payment.id()).orElseThrow() : unmatched;
        }
        return apply(payment, bill.get(), late ? Review.LATE_SUCCESS : null, now);
    }

    /** The bill the payer named, as a bill reference or through a claim on the transaction's code. */
    private Optional<String> billNamedBy(PaymentResult result) {
        Optional<String> byReference = Optional.ofNullable(result.billReference())
                .flatMap(r -> bills.byReference(normalizeCode(r))).map(Bill::id);
        return byReference.or(() -> Optional.ofNullable(result.receiptCode()).flatMap(claims::settle));
    }

    /** Applies a payment to a bill if amount and currency allow it; otherwise keeps it for review. */
    private Payment apply(Payment payment, Bill bill, Review late, Instant now) {
        if (!bill.currency().equals(payment.currency())) {
            texts.inReview(payment, bill);
            return settled(payment, bill.id(), false, Review.CURRENCY_MISMATCH, now);
        }
        Optional<Bill> changed = bills.apply(bill.id(), payment.id(), payment.amount(), payment.currency(), now);
        if (changed.isEmpty() && bills.hasApplied(bill.id(), payment.id())) {
            // another delivery of the same transaction applied it a moment ago
            changed = bills.find(bill.id());
        }
        if (changed.isEmpty()) {
            texts.inReview(payment, bill);
            return settled(payment, bill.id(), false, Review.OVERPAID, now);
        }
        if (!receiptToFollow(payment)) {
            texts.receipt(payment, changed.get());
            return settled(payment, bill.id(), true, late, now);
        }
        Payment applied = settled(payment, bill.id(), true, late, now);
        payments.receiptDue(payment.id(), now.plus(settings.receiptCodeWait()));
        return applied;
    }

    private Payment settled(Payment payment, String billId, boolean applied, Review review, Instant now) {
        return payments.settle(payment.id(), billId, applied, review, now).or(() -> payments.find(payment.id())).orElseThrow();
    }
}
