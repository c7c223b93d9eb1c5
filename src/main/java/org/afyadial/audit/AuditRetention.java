package org.afyadial.audit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long the audit trail is kept before the store deletes its entries (a TTL index on their time).
 *
 * @param audit {@code AUDIT_RETENTION}: 7 years by default, the records-keeping period clinics are commonly held to
 */
@ConfigurationProperties("afyadial.retention")
public record AuditRetention(@Bindable(defaultValue = "2555d") Duration audit) {

    public AuditRetention {
        if (audit.isNegative() || audit.isZero()) {
            throw new IllegalArgumentException("AUDIT_RETENTION must be longer than 0");
        }
    }
}
