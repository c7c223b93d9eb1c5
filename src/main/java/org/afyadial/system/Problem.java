package org.afyadial.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document: every REST error answers with one, as application/problem+json. {@code requestId}
 * (an extension member) is the request's {@code X-Request-Id}, for a clinic to quote.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field: {@code field} is the JSON property path in the request, e.g. {@code fee.amount}. */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
