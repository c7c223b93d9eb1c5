package org.afyadial.doctors;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

public class ScheduleExceptionNotFound extends ProblemException {

    ScheduleExceptionNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "No schedule exception " + id + " for this doctor");
    }
}
