package org.afyadial.sms;

import java.time.Instant;

/**
 * A text a patient sent to the clinic's number.
 *
 * @param providerId the provider's id of this message, the same on every redelivery
 */
public record IncomingSms(String providerId, String from, String to, String text, Instant receivedAt, String networkCode) {
}
