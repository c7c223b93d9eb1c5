package org.afyadial.patients;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import org.afyadial.system.ClinicSettings;

import java.time.Clock;
import java.time.Year;

/** "This year" is the clinic's year on the injected clock, so tests can move it. */
@Singleton
class BirthYearValidator implements ConstraintValidator<BirthYear, Integer> {

    private static final int EARLIEST = 1900;

    private final Clock clock;
    private final ClinicSettings clinic;

    BirthYearValidator(Clock clock, ClinicSettings clinic) {
        this.clock = clock;
        this.clinic = clinic;
    }

    @Override
    public boolean isValid(@Nullable Integer value, @NonNull AnnotationValue<BirthYear> annotation,
                           @NonNull ConstraintValidatorContext context) {
        return value == null || (value >= EARLIEST && value <= Year.now(clock.withZone(clinic.timezone())).getValue());
    }
}
