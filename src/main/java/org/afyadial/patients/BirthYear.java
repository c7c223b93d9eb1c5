package org.afyadial.patients;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A year of birth: not in the future (by the clinic's clock) and not before 1900. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Constraint(validatedBy = {})
@interface BirthYear {

    String message() default "must be a year between 1900 and this year";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
