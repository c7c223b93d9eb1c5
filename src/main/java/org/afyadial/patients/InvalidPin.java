package org.afyadial.patients;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

/** A PIN that is not exactly four digits; the PIN itself is never echoed. */
public class InvalidPin extends ProblemException {

    InvalidPin() {
        super(HttpStatus.BAD_REQUEST, "The PIN must be exactly 4 digits");
    }
}
