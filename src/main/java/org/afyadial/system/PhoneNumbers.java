package org.afyadial.system;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The one phone-number normalizer: every number is stored and compared in E.164 ({@code +254712345678}). */
@Singleton
public class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    PhoneNumbers(ClinicSettings clinic) {
        this.defaultRegion = clinic.phoneRegion();
    }

    /** The E.164 form of a number written locally ({@code 0712 345 678}) or internationally, if it is a possible number. */
    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 32) {
            return Optional.empty();
        }
        try {
            var number = UTIL.parse(raw, defaultRegion);
            return UTIL.isPossibleNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
