package org.afyadial.appointments;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

/** Assigning a doctor of another specialty than the one the appointment is for. */
public class DoctorMismatch extends ProblemException {

    DoctorMismatch(String specialty) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "The doctor must be of the appointment's specialty (" + specialty + ")");
    }
}
