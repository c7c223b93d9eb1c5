package org.afyadial.sms;

import io.micronaut.core.annotation.Nullable;

/** Published when the provider refuses a phone for good (invalid number, operator opt-out). */
public record SmsRecipientRefused(@Nullable String patientId, String phone, SendResult.Outcome outcome) {
}
