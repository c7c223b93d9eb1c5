package org.afyadial.doctors;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

/** Checks {@link TimeRange}. */
@Singleton
class TimeRangeValidator implements ConstraintValidator<TimeRange, HasTimeRange> {

    @Override
    public boolean isValid(@Nullable HasTimeRange range, @NonNull AnnotationValue<TimeRange> annotation,
                           @NonNull ConstraintValidatorContext context) {
        if (range == null) {
            return true;
        }
        boolean valid = range.from() == null && range.to() == null
                ? range.wholeDayAllowed()
                : range.from() != null && range.to() != null && range.from().isBefore(range.to());
        if (!valid) {
            // reported on "to", so the problem names a field the caller can fix
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("to").addConstraintViolation();
        }
        return valid;
    }
}
