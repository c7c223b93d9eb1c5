package org.afyadial.system;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

/** Checks {@link ValidPhone} with the one normalizer; a missing value is left to {@code @NotBlank}. */
@Singleton
class ValidPhoneValidator implements ConstraintValidator<ValidPhone, String> {

    private final PhoneNumbers phoneNumbers;

    ValidPhoneValidator(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    @Override
    public boolean isValid(@Nullable String value, @NonNull AnnotationValue<ValidPhone> annotation,
                           @NonNull ConstraintValidatorContext context) {
        return value == null || value.isBlank() || phoneNumbers.toE164(value).isPresent();
    }
}
