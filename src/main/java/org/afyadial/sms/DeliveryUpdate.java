package org.afyadial.sms;

/**
 * What the network said happened to a message we sent.
 *
 * @param messageId     the provider's id given when the message was accepted
 * @param state         where the message got to
 * @param failureReason the provider's reason when it failed, else null
 */
public record DeliveryUpdate(String messageId, DeliveryState state, String failureReason) {

    public enum DeliveryState { SENT, DELIVERED, FAILED }
}
