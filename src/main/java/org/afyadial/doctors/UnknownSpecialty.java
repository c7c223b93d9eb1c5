package org.afyadial.doctors;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

public class UnknownSpecialty extends ProblemException {

    UnknownSpecialty(String id) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "No specialty " + id + "; see GET /api/v1/specialties");
    }
}
