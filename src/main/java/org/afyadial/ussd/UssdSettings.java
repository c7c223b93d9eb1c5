package org.afyadial.ussd;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How the USSD engine behaves.
 *
 * @param maxChars         {@code USSD_MAX_CHARS}: the longest screen sent to a phone (Safaricom shows 160)
 * @param sessionLifetime  how long after its last hop a session can still be resumed from the same phone
 * @param maxInvalidInputs invalid inputs in a row that end the session with where to get help
 * @param menusDir         {@code USSD_MENUS_DIR}: a directory of menu YAML files read instead of the ones in the jar
 */
@ConfigurationProperties("afyadial.ussd")
public record UssdSettings(
        @Bindable(defaultValue = "160") int maxChars,
        @Bindable(defaultValue = "5m") Duration sessionLifetime,
        @Bindable(defaultValue = "3") int maxInvalidInputs,
        @Nullable String menusDir) {
}
