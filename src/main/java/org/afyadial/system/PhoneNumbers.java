package org.afyadial.system;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one phone-number normalizer: every number is stored and compared in E.164 ({@code +254712345678}). Parsing
 * is costly next to a USSD hop and the same phones come back all day, so answers are remembered (a bounded set,
 * emptied when full).
 */
@Singleton
public class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int REMEMBERED = 10_000;
    private final String defaultRegion;
    private final Map<String, Optional<String>> remembered = new ConcurrentHashMap<>();

    PhoneNumbers(ClinicSettings clinic) {
        this.defaultRegion = clinic.phoneRegion();
    }

    /** The E.164 form of a number written locally ({@code 0712 345 678}) or internationally, if it is a possible number. */
    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 32) {
            return Optional.empty();
        }
        Optional<String> known = remembered.get(raw);
        if (known != null) {
            return known;
        }
        if (remembered.size() >= REMEMBERED) {
            remembered.clear();
        }
        Optional<String> e164 = parse(raw);
        remembered.put(raw, e164);
        return e164;
    }

    private Optional<String> parse(String raw) {
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
