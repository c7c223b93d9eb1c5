package org.afyadial.store;

import io.micronaut.context.ApplicationContext;

import java.time.Instant;

/** Runs the embedded store's TTL sweep as of a chosen time, for the features' retention tests (on schedule it goes by the server's clock). */
public final class ExpirySweep {

    private ExpirySweep() {
    }

    /** Deletes what has expired at {@code now} in the context's embedded store; answers how many documents. */
    public static long at(ApplicationContext context, Instant now) {
        return context.getBean(EmbeddedExpiry.class).removeExpired(now);
    }
}
