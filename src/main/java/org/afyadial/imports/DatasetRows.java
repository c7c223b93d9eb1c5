package org.afyadial.imports;

import org.afyadial.patients.BloodTypes;
import org.afyadial.patients.ImportedPerson;
import org.afyadial.patients.Sex;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.afyadial.imports.DatasetColumn.ADMISSION_TYPE;
import static org.afyadial.imports.DatasetColumn.AGE;
import static org.afyadial.imports.DatasetColumn.BILLING_AMOUNT;
import static org.afyadial.imports.DatasetColumn.BLOOD_TYPE;
import static org.afyadial.imports.DatasetColumn.DATE_OF_ADMISSION;
import static org.afyadial.imports.DatasetColumn.DISCHARGE_DATE;
import static org.afyadial.imports.DatasetColumn.DOCTOR;
import static org.afyadial.imports.DatasetColumn.GENDER;
import static org.afyadial.imports.DatasetColumn.HOSPITAL;
import static org.afyadial.imports.DatasetColumn.INSURANCE_PROVIDER;
import static org.afyadial.imports.DatasetColumn.MEDICAL_CONDITION;
import static org.afyadial.imports.DatasetColumn.MEDICATION;
import static org.afyadial.imports.DatasetColumn.NAME;
import static org.afyadial.imports.DatasetColumn.ROOM_NUMBER;
import static org.afyadial.imports.DatasetColumn.TEST_RESULTS;

/**
 * Reads the fields of one record into an {@link AdmissionRow}, or says why it cannot be imported. Dates are ISO
 * ({@code 2024-01-31}); the bill is a decimal number of the clinic's currency, rounded half-up to its minor unit.
 */
final class DatasetRows {

    private static final Pattern BLOOD_TYPE_PATTERN = Pattern.compile(BloodTypes.PATTERN);
    private static final int OLDEST = 120;

    private final DatasetHeader header;
    private final String currency;
    private final int fractionDigits;

    DatasetRows(DatasetHeader header, String currency) {
        this.header = header;
        this.currency = currency;
        this.fractionDigits = Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** The row, or a {@link Rejected} naming the first thing wrong with it. */
    AdmissionRow read(List<String> fields) {
        if (fields.size() != header.names().size() || header.value(fields, NAME).isEmpty()) {
            throw new Rejected(RejectReason.MISSING_FIELD);
        }
        int age = age(header.value(fields, AGE));
        Sex sex = sex(header.value(fields, GENDER));
        String bloodType = header.value(fields, BLOOD_TYPE).toUpperCase(Locale.ROOT);
        if (!BLOOD_TYPE_PATTERN.matcher(bloodType).matches()) {
            throw new Rejected(RejectReason.UNKNOWN_BLOOD_TYPE);
        }
        LocalDate admitted = date(header.value(fields, DATE_OF_ADMISSION));
        LocalDate discharged = date(header.value(fields, DISCHARGE_DATE));
        if (discharged.isBefore(admitted)) {
            throw new Rejected(RejectReason.DISCHARGE_BEFORE_ADMISSION);
        }
        long billingMinor = minorUnits(header.value(fields, BILLING_AMOUNT));
        String name = NameCase.repair(header.value(fields, NAME));
        int space = name.indexOf(' ');
        ImportedPerson person = new ImportedPerson(space < 0 ? name : name.substring(0, space),
                space < 0 ? "" : name.substring(space + 1), admitted.getYear() - age, sex, bloodType);
        return new AdmissionRow(person, age, header.value(fields, MEDICAL_CONDITION), admitted, discharged,
                header.value(fields, DOCTOR), header.value(fields, HOSPITAL), header.value(fields, INSURANCE_PROVIDER),
                billingMinor, currency, header.value(fields, ROOM_NUMBER), header.value(fields, ADMISSION_TYPE),
                header.value(fields, MEDICATION), header.value(fields, TEST_RESULTS));
    }

    private static int age(String text) {
        int age;
        try {
            age = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Rejected(RejectReason.UNPARSEABLE_AGE);
        }
        if (age < 0 || age > OLDEST) {
            throw new Rejected(RejectReason.AGE_OUT_OF_RANGE);
        }
        return age;
    }

    private static Sex sex(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "female", "f" -> Sex.F;
            case "male", "m" -> Sex.M;
            default -> throw new Rejected(RejectReason.UNKNOWN_GENDER);
        };
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Rejected(RejectReason.UNPARSEABLE_DATE);
        }
    }

    private long minorUnits(String text) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new Rejected(RejectReason.UNPARSEABLE_AMOUNT);
        }
        if (amount.signum() < 0) {
            throw new Rejected(RejectReason.NEGATIVE_BILL);
        }
        try {
            return amount.setScale(fractionDigits, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new Rejected(RejectReason.UNPARSEABLE_AMOUNT);
        }
    }

    /** A row that cannot be imported; thrown per bad row, so it carries no stack trace. */
    static final class Rejected extends RuntimeException {

        private final RejectReason reason;

        Rejected(RejectReason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        RejectReason reason() {
            return reason;
        }
    }
}
