package org.afyadial.doctors;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

/** A doctor changing another doctor's leave, extra hours or availability. */
class NotYourSchedule extends ProblemException {

    NotYourSchedule() {
        super(HttpStatus.FORBIDDEN, "This is another doctor's schedule");
    }
}
