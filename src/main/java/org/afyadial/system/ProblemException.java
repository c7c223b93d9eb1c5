package org.afyadial.system;

import io.micronaut.http.HttpStatus;

/**
 * A failure the API answers on purpose, with a status and a message meant for the caller.
 * Features subclass it once per kind of failure (not found, illegal transition, locked...).
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;

    protected ProblemException(HttpStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
