package org.afyadial.at;

import org.afyadial.sms.SendResult;
import org.afyadial.sms.TransientSendFailure;

import java.util.Map;

/** AT's per-recipient {@code statusCode} of a send, in AfyaDial's terms: the one table of them. */
final class AtRecipientStatus {

    private static final Map<Integer, SendResult.Outcome> OUTCOMES = Map.ofEntries(
            Map.entry(100, SendResult.Outcome.ACCEPTED),              // Processed
            Map.entry(101, SendResult.Outcome.ACCEPTED),              // Sent
            Map.entry(102, SendResult.Outcome.ACCEPTED),              // Queued
            Map.entry(401, SendResult.Outcome.REJECTED),              // RiskHold
            Map.entry(402, SendResult.Outcome.REJECTED),              // InvalidSenderId
            Map.entry(403, SendResult.Outcome.INVALID_NUMBER),        // InvalidPhoneNumber
            Map.entry(404, SendResult.Outcome.INVALID_NUMBER),        // UnsupportedNumberType
            Map.entry(405, SendResult.Outcome.INSUFFICIENT_BALANCE),  // InsufficientBalance
            Map.entry(406, SendResult.Outcome.BLACKLISTED),           // UserInBlacklist
            Map.entry(407, SendResult.Outcome.REJECTED),              // CouldNotRoute
            Map.entry(409, SendResult.Outcome.REJECTED));             // DoNotDisturbRejection

    private AtRecipientStatus() {
    }

    /**
     * The outcome for one recipient. 500 InternalServerError, 501 GatewayError, 502 RejectedByGateway
     * and codes AT may add later are transient: retried, then failed after the configured attempts.
     */
    static SendResult toResult(int statusCode, String status, String messageId) {
        SendResult.Outcome outcome = OUTCOMES.get(statusCode);
        if (outcome == null) {
            throw new TransientSendFailure("AT recipient status " + statusCode + " " + status);
        }
        return outcome == SendResult.Outcome.ACCEPTED
                ? SendResult.accepted(messageId)
                : SendResult.refused(outcome, statusCode + " " + status);
    }
}
