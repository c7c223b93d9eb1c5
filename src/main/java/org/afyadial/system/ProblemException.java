package org.afyadial.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

import java.util.Optional;

/**
 * A failure the API answers on purpose, with a status and a message meant for the caller.
 * Features subclass it once per kind of failure (not found, illegal transition, locked...).
 * A failure about one field of the request names it, and is answered as that field's error.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    @Nullable
    private final String field;

    protected ProblemException(HttpStatus status, String detail) {
        this(status, null, detail);
    }

    protected ProblemException(HttpStatus status, @Nullable String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    /** The JSON path of the request field at fault, if the failure is about one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
