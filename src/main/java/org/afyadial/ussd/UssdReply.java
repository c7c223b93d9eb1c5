package org.afyadial.ussd;

/** The screen to show and whether the session ends with it (else the phone waits for input). */
public record UssdReply(boolean end, String screen) {
}
