package org.afyadial.system;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.ZoneId;

/**
 * Facts about the clinic this instance serves. Everything is stored in UTC; {@code timezone}
 * is used only to show times and to compute days and schedules the way the clinic lives them.
 *
 * @param name          shown on USSD screens and in SMS
 * @param timezone      {@code CLINIC_TIMEZONE}, e.g. Africa/Nairobi
 * @param phoneRegion   ISO region used to read local phone numbers (0712... in KE)
 * @param currency      ISO 4217 code of fees and payments
 */
@ConfigurationProperties("afyadial.clinic")
public record ClinicSettings(
        @Bindable(defaultValue = "AfyaDial Clinic") String name,
        @Bindable(defaultValue = "Africa/Nairobi") ZoneId timezone,
        @Bindable(defaultValue = "KE") String phoneRegion,
        @Bindable(defaultValue = "KES") String currency) {
}
