package org.afyadial.doctors;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

public class DoctorNotFound extends ProblemException {

    DoctorNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "No doctor " + id);
    }
}
