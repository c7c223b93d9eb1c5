package org.afyadial.appointments;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

public class AppointmentNotFound extends ProblemException {

    AppointmentNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "No appointment " + id);
    }
}
