package org.afyadial.appointments;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

/** No doctor of the specialty is free at the requested time. */
public class NoFreeSlot extends ProblemException {

    NoFreeSlot(String specialty) {
        super(HttpStatus.CONFLICT, "No " + specialty + " doctor is free at that time; pick another slot");
    }
}
