package org.afyadial.sms;

/** QUEUED → SENDING → SENT → DELIVERED | FAILED | EXPIRED; CANCELLED when a reminder is no longer wanted. */
public enum OutboxStatus {
    QUEUED, SENDING, SENT, DELIVERED, FAILED, EXPIRED, CANCELLED
}
