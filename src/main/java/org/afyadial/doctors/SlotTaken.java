package org.afyadial.doctors;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

/** Someone else holds this doctor's time: the slot is booked. */
public class SlotTaken extends ProblemException {

    SlotTaken() {
        super(HttpStatus.CONFLICT, "This time slot is already booked for this doctor; pick another slot");
    }
}
