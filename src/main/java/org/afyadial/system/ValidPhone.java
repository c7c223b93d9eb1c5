package org.afyadial.system;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A phone number {@link PhoneNumbers} can read (local form in the clinic's region, or international). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Constraint(validatedBy = {})
public @interface ValidPhone {

    String message() default "must be a phone number, e.g. +254712345678 or 0712345678";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
