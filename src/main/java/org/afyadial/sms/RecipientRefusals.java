package org.afyadial.sms;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.afyadial.patients.Channel;
import org.afyadial.patients.PatientService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The provider refused a phone for good: flag it as invalid (403), or opt its patients out (406). */
@Singleton
class RecipientRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(RecipientRefusals.class);

    private final PatientService patients;

    RecipientRefusals(PatientService patients) {
        this.patients = patients;
    }

    @EventListener
    void on(SmsRecipientRefused refused) {
        switch (refused.outcome()) {
            case INVALID_NUMBER -> patients.markPhoneInvalid(refused.phone());
            case BLACKLISTED -> patients.setSmsOptInByPhone(refused.phone(), false, Channel.SMS);
            default -> LOG.warn("Refusal {} needs no change to the patient record", refused.outcome());
        }
    }
}
