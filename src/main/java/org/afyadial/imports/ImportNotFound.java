package org.afyadial.imports;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

class ImportNotFound extends ProblemException {

    ImportNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "No import " + id);
    }
}
