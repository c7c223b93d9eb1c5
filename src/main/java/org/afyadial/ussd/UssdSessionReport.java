package org.afyadial.ussd;

import java.time.Instant;

/** The provider's account of how a session ended, kept on the session for statistics. */
public record UssdSessionReport(String sessionId, String status, Long durationMillis, Integer hops, String cost,
                                String errorMessage, Instant endedAt) {
}
