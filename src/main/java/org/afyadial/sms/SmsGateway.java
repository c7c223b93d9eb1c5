package org.afyadial.sms;

/**
 * Hands one message for one phone to an SMS provider. Answers accepted or a permanent refusal;
 * throws {@link TransientSendFailure} when trying again later may work (timeouts, provider errors).
 */
public interface SmsGateway {

    SendResult send(String phone, String text);
}
