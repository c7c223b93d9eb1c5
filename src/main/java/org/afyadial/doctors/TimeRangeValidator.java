package org.afyadial.doctors;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

@Singleton
class TimeRangeValidator implements ConstraintValidator<TimeRange, HasTimeRange> {

    @Override
    public boolean isValid(@Nullable HasTimeRange range, @NonNull AnnotationValue<TimeRange> annotation,
                           @NonNull ConstraintValidatorContext context) {
        if (range == null) {
            return true;
        }
        if (range.from() == null && range.to() == null) {
            return range.wholeDayAllowed();
        }
        return range.from() != null && range.to() != null && range.from().isBefore(range.to());
    }
}
