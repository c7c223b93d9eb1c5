package org.afyadial.appointments;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

/** A doctor acting on another doctor's appointment, or a patient on another patient's. */
public class NotYourAppointment extends ProblemException {

    NotYourAppointment(String who) {
        super(HttpStatus.FORBIDDEN, "This appointment is not " + who);
    }
}
