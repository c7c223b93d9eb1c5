package org.afyadial.appointments;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

import java.util.stream.Collectors;

/** The appointment's status does not allow this change; the message names what it allows. */
public class IllegalTransition extends ProblemException {

    IllegalTransition(AppointmentStatus from, AppointmentStatus to) {
        this(from, "become " + to);
    }

    IllegalTransition(AppointmentStatus from, String change) {
        super(HttpStatus.CONFLICT, "An appointment that is " + from + " cannot " + change + "; allowed: " + allowed(from));
    }

    private static String allowed(AppointmentStatus from) {
        return from.allowedNext().isEmpty()
                ? "none (" + from + " is final)"
                : from.allowedNext().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }
}
