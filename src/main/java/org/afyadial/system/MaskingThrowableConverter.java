package org.afyadial.system;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** Logback {@code %ex} replacement: an exception's message and causes carry no full phone number either. */
public class MaskingThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return PhoneMask.mask(super.throwableProxyToString(throwable));
    }
}
