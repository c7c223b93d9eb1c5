package org.afyadial.sms;

/**
 * The provider got the message, or may have, and gave no answer in time (a read timeout): it may have accepted
 * and sent it. Not tried again, neither at once nor later: Africa's Talking takes no idempotency key, so a second
 * call could send the patient the same SMS twice.
 */
public class SendOutcomeUnknown extends RuntimeException {

    public SendOutcomeUnknown(String detail) {
        super(detail, null, false, false);
    }
}
