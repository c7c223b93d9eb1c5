package org.afyadial.doctors;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A {@link HasTimeRange} whose start comes before its end (both present, or both absent when allowed). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.TYPE_USE, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = {})
@interface TimeRange {

    String message() default "from must be before to";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
