package org.afyadial.sms;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the refusal events the dispatcher publishes, for assertions. */
@Singleton
class RefusalsSeen {

    private static final AtomicInteger COUNT = new AtomicInteger();

    @EventListener
    void on(SmsRecipientRefused refused) {
        COUNT.incrementAndGet();
    }

    static int count() {
        return COUNT.get();
    }
}
