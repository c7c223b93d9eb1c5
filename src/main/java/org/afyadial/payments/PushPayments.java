package org.afyadial.payments;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.afyadial.payments.PaymentProvider.PushPrompt;
import org.afyadial.payments.PaymentProvider.PushRefused;
import org.afyadial.system.PhoneMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/** Starts a push prompt on the payer's phone for what a bill still owes, through the provider of their network. */
@Singleton
public class PushPayments {

    private static final Logger LOG = LoggerFactory.getLogger(PushPayments.class);

    /** How the start went. */
    public enum Started { SENT, NO_PROVIDER, NOT_PAYABLE, REFUSED }

    private final Bills bills;
    private final PushRequests requests;
    private final ProviderChoice providers;
    private final PaymentLedger ledger;
    private final PaymentSettings settings;
    private final Clock clock;

    PushPayments(Bills bills, PushRequests requests, ProviderChoice providers, PaymentLedger ledger, PaymentSettings settings,
                 Clock clock) {
        this.bills = bills;
        this.requests = requests;
        this.providers = providers;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether a provider is offered on this network. */
    public boolean offered(@Nullable String networkCode) {
        return providers.forNetwork(networkCode).isPresent();
    }

    /**
     * The provider's id of one of our push requests, for a provider whose callback names the request by our id
     * only; empty when the store has no such request of that provider (or it was never sent).
     */
    public Optional<String> providerRequestId(Provider provider, String requestId) {
        return requests.find(requestId).filter(r -> r.provider() == provider).map(PushRequests.PushRequest::providerRequestId);
    }

    public Started start(String billId, String patientId, String phone, @Nullable String networkCode) {
        Optional<Bill> bill = bills.find(billId).filter(b -> b.patientId().equals(patientId))
                .filter(b -> BillStatus.OPEN.contains(b.status().name()));
        if (bill.isEmpty()) {
            return Started.NOT_PAYABLE;
        }
        Optional<PaymentProvider> provider = providers.forNetwork(networkCode);
        if (provider.isEmpty()) {
            return Started.NO_PROVIDER;
        }
        PushRequests.PushRequest request = requests.insert(provider.get().id(), bill.get(), phone, clock.instant());
        try {
            String providerRequestId = provider.get().push(new PushPrompt(request.id(), phone, request.amount(),
                    request.currency(), bill.get().reference()));
            requests.identify(request.id(), providerRequestId);
            // the provider may have called back already, before it answered (Daraja does)
            ledger.matchToRequest(provider.get().id(), providerRequestId);
            return Started.SENT;
        } catch (PushRefused e) {
            LOG.warn("{} refused the push request {} to {}: {}", provider.get().id(), request.id(), PhoneMask.mask(phone), e.getMessage());
            requests.failed(provider.get().id(), request.providerRequestId(), Failure.REFUSED);
            return Started.REFUSED;
        }
    }

    /**
     * The push request that money a payer sent with this receipt, naming a bill and an amount, answers: for a
     * provider that also tells push payments as paybill money (Daraja's C2B confirmation follows an STK payment on
     * the same paybill). Its provider id, so the adapter records the money under it, as one transaction whatever
     * told it first; empty for money of its own, or for a request made longer than {@code PAYMENT_PENDING_TIMEOUT}
     * ago that has no receipt yet.
     */
    public Optional<String> requestPaidBy(Provider provider, String billReference, long amount, String receiptCode) {
        return bills.byReference(PaymentLedger.normalizeCode(billReference))
                .flatMap(bill -> requests.claimReceipt(provider, bill.id(), amount, receiptCode,
                        clock.instant().minus(settings.pendingTimeout())))
                .map(PushRequests.PushRequest::providerRequestId);
    }

    /**
     * What a push request asked for, in minor units, for a provider whose status query does not repeat the amount
     * (Daraja's STK query); empty for a request this service did not send.
     */
    public Optional<Long> amountRequested(Provider provider, String providerRequestId) {
        return requests.find(provider, providerRequestId).map(PushRequests.PushRequest::amount);
    }
}
