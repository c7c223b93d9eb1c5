package org.afyadial.patients;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

public class PatientNotFound extends ProblemException {

    PatientNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "No patient " + id);
    }
}
