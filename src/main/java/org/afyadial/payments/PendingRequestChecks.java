package org.afyadial.payments;

import jakarta.inject.Singleton;
import org.afyadial.payments.PushRequests.PushRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks providers about push requests they have not called back about, because callbacks get lost (MTN sends its
 * own once, never again): a request pending for longer than {@code PAYMENT_PENDING_CHECK_AFTER} is checked with its
 * provider's {@link PaymentProvider#check}, and the answer goes to the ledger exactly as a callback's would. One
 * still unanswered after {@code PAYMENT_PENDING_TIMEOUT} ends as timed out, through the ledger's failure path, which
 * tells the patient; the money of a success that arrives later still pays the bill. A request its provider never
 * named (the push call broke off: a crash, an unforeseen error) has nothing to ask and times out the same way, so
 * it does not stay pending for ever. Each request is held by one instance at a time while it is asked about
 * ({@link PushRequests#leaseForCheck}). A success a check learnt without the code the payer sees has its receipt held
 * for that code; each run also sends the receipts that waited for it in vain ({@link PaymentLedger#sendReceiptsDue}).
 */
@Singleton
class PendingRequestChecks {

    private static final Logger LOG = LoggerFactory.getLogger(PendingRequestChecks.class);
    private static final int BATCH = 100;

    private final PushRequests requests;
    private final ProviderChoice providers;
    private final PaymentLedger ledger;
    private final PaymentSettings settings;
    private final Clock clock;

    PendingRequestChecks(PushRequests requests, ProviderChoice providers, PaymentLedger ledger, PaymentSettings settings, Clock clock) {
        this.requests = requests;
        this.providers = providers;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    /** Checks one batch of the requests due, then sends a batch of receipts due; answers how many requests ended. */
    int checkDue() {
        Instant now = clock.instant();
        int ended = 0;
        for (PushRequest due : requests.dueForCheck(now.minus(settings.pendingCheckAfter()), now, BATCH)) {
            Optional<PushRequest> held = requests.leaseForCheck(due.id(), clock.instant(), settings.checkInterval());
            if (held.isPresent() && check(held.get())) {
                ended++;
            }
        }
        ledger.sendReceiptsDue(BATCH);
        return ended;
    }

    private boolean check(PushRequest request) {
        if (request.sent() && ledger.matchToRequest(request.provider(), request.providerRequestId())) {
            return true; // its provider had told before the request knew its id, and a crash came before the match
        }
        Optional<PaymentResult> answer = request.sent() ? ask(request) : Optional.empty();
        if (answer.isPresent()) {
            ledger.record(answer.get());
            return true;
        }
        if (request.createdAt().isAfter(clock.instant().minus(settings.pendingTimeout()))) {
            return false;
        }
        LOG.info("Push request {} of {} has had no answer for {}: timed out", request.id(), request.provider(), settings.pendingTimeout());
        ledger.record(new PaymentResult(request.provider(), request.providerRequestId(), request.providerRequestId(), null,
                request.phone(), 0, request.currency(), null, Failure.TIMED_OUT));
        return true;
    }

    /** The provider's answer; empty while it is pending, or when the provider cannot be asked now. */
    private Optional<PaymentResult> ask(PushRequest request) {
        Optional<PaymentProvider> provider = providers.find(request.provider());
        try {
            return provider.flatMap(p -> p.check(request.providerRequestId()));
        } catch (RuntimeException e) {
            LOG.warn("Asking {} about push request {} failed: {}", request.provider(), request.id(), e.toString());
            return Optional.empty();
        }
    }
}
