package org.afyadial.payments;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param pendingCheckAfter {@code PAYMENT_PENDING_CHECK_AFTER}: a push request with no answer after this long is
 *                          asked after, and shown in reconciliation
 * @param pendingTimeout    {@code PAYMENT_PENDING_TIMEOUT}: a push request still unanswered after this long is
 *                          marked timed out and the patient told; a success arriving later still pays the bill
 * @param checkInterval     {@code PAYMENT_CHECK_INTERVAL}: how often pending requests are asked after; also how long
 *                          one instance holds a request while it asks, so the same request is asked once per interval
 * @param claimLifetime     how long a claimed transaction code waits for its money before reconciliation lists it
 * @param receiptCodeWait   {@code PAYMENT_RECEIPT_CODE_WAIT}: how long the receipt of a success told without the code
 *                          the payer sees (Daraja's STK query) waits for that code; then it goes without it
 */
@ConfigurationProperties("afyadial.payments")
record PaymentSettings(@Bindable(defaultValue = "2m") Duration pendingCheckAfter,
                       @Bindable(defaultValue = "10m") Duration pendingTimeout,
                       @Bindable(defaultValue = "30s") Duration checkInterval,
                       @Bindable(defaultValue = "24h") Duration claimLifetime,
                       @Bindable(defaultValue = "5m") Duration receiptCodeWait) {
}
