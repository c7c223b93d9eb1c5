package org.afyadial.sms;

/**
 * What the provider said about one recipient, in AfyaDial's words.
 *
 * @param outcome   accepted, or why not
 * @param messageId the provider's id when accepted, later quoted by delivery reports
 * @param detail    the provider's own words, kept as the outbox's last error
 */
public record SendResult(Outcome outcome, String messageId, String detail) {

    public enum Outcome {
        ACCEPTED,
        /** The number does not exist or cannot take SMS: the patient's phone is flagged. */
        INVALID_NUMBER,
        /** The subscriber opted out at the operator: the patient's SMS opt-out is set. */
        BLACKLISTED,
        /** The account is out of credit: sending pauses until an administrator resumes it. */
        INSUFFICIENT_BALANCE,
        /** Any other refusal that retrying would not change. */
        REJECTED
    }

    public static SendResult accepted(String messageId) {
        return new SendResult(Outcome.ACCEPTED, messageId, null);
    }

    public static SendResult refused(Outcome outcome, String detail) {
        return new SendResult(outcome, null, detail);
    }
}
