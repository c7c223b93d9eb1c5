package org.afyadial.sms;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long texts are kept before the store deletes them (TTL indexes).
 *
 * @param sms        {@code SMS_RETENTION}: outbox messages, with their delivery reports, counted from when they reached
 *                   a final state (sent, delivered, failed, expired, cancelled); a message still to be sent is never
 *                   deleted. At least {@link #SHORTEST_SMS}: the start-up repair of appointment messages reads
 *                   {@link UnsettledAppointmentMessages#LOOK_BACK} of them back.
 * @param inboundSms {@code INBOUND_SMS_RETENTION}: texts received from patients, counted from their arrival
 */
@ConfigurationProperties("afyadial.retention")
public record SmsRetention(
        @Bindable(defaultValue = "400d") Duration sms,
        @Bindable(defaultValue = "400d") Duration inboundSms) {

    static final Duration SHORTEST_SMS = Duration.ofDays(30);

    public SmsRetention {
        if (sms.compareTo(SHORTEST_SMS) < 0) {
            throw new IllegalArgumentException("SMS_RETENTION is " + sms.toDays() + "d; it must be at least "
                    + SHORTEST_SMS.toDays() + "d: at start the service settles the messages of the appointments changed in the last "
                    + UnsettledAppointmentMessages.LOOK_BACK.toDays() + " days, and reads their messages for it");
        }
        if (inboundSms.isNegative() || inboundSms.isZero()) {
            throw new IllegalArgumentException("INBOUND_SMS_RETENTION must be longer than 0");
        }
    }
}
