package org.afyadial.sms;

/** The provider could not take the message now (timeout, 5xx, gateway error): retry later. */
public class TransientSendFailure extends RuntimeException {

    public TransientSendFailure(String detail) {
        super(detail, null, false, false);
    }
}
