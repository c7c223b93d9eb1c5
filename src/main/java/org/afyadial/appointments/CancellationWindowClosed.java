package org.afyadial.appointments;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

/** A patient may not cancel or move an appointment this close to its start; staff may. */
public class CancellationWindowClosed extends ProblemException {

    CancellationWindowClosed(int hours) {
        super(HttpStatus.CONFLICT, "Appointments can be cancelled or moved by the patient only up to " + hours
                + " hours before they start; please call the clinic");
    }
}
