package org.afyadial.payments;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param pendingCheckAfter {@code PAYMENT_PENDING_CHECK_AFTER}: a push request with no answer after this long is
 *                          asked after, and shown in reconciliation
 * @param claimLifetime     how long a claimed transaction code waits for its money before reconciliation lists it
 */
@ConfigurationProperties("afyadial.payments")
record PaymentSettings(@Bindable(defaultValue = "2m") Duration pendingCheckAfter,
                       @Bindable(defaultValue = "24h") Duration claimLifetime) {
}
