package org.afyadial.ussd;

/**
 * One request of a USSD session, whatever the provider: {@code text} is every input so far joined by
 * {@code *} (empty on the first hop).
 */
public record UssdHop(String sessionId, String serviceCode, String phone, String networkCode, String text) {
}
