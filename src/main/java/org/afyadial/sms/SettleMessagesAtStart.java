package org.afyadial.sms;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Settles the messages of recently changed appointments when the service starts ({@link UnsettledAppointmentMessages}).
 * Tests turn it off: their fixed clocks are built with the test, after the start.
 */
@Singleton
@Requires(property = "afyadial.sms.settle-at-start", notEquals = "false")
class SettleMessagesAtStart {

    private final UnsettledAppointmentMessages unsettled;

    SettleMessagesAtStart(UnsettledAppointmentMessages unsettled) {
        this.unsettled = unsettled;
    }

    @EventListener
    void onStartup(StartupEvent started) {
        unsettled.settleRecentChanges();
    }
}
