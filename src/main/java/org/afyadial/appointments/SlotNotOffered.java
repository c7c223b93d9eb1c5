package org.afyadial.appointments;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

/** The requested start is in the past or not a slot of the doctor's schedule. */
public class SlotNotOffered extends ProblemException {

    SlotNotOffered(String why) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, why);
    }
}
