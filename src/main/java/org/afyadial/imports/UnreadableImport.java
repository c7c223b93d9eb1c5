package org.afyadial.imports;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

/** A file that is not in the dataset format at all (no header, a column missing); bad rows are rejects instead. */
class UnreadableImport extends ProblemException {

    UnreadableImport(String detail) {
        super(HttpStatus.BAD_REQUEST, detail);
    }
}
