package org.afyadial.sms;

/**
 * Hands one message for one phone to an SMS provider. Answers accepted or a permanent refusal;
 * throws {@link TransientSendFailure} when trying again later may work (provider errors, no connection), and
 * {@link SendOutcomeUnknown} when the provider may have taken the message without saying so (no answer in time).
 */
public interface SmsGateway {

    SendResult send(String phone, String text);
}
