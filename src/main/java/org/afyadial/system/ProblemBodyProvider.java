package org.afyadial.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Turns every error Micronaut or our handlers produce into a {@link Problem}. Errors that name a
 * path become field errors; the first plain message becomes the detail. Exception messages never
 * reach the body unless a handler put them there on purpose.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        List<Problem.FieldError> fields = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new Problem.FieldError(e.getPath().get(), e.getMessage()))
                .toList();
        String detail = context.getErrors().stream()
                .filter(e -> e.getPath().isEmpty())
                .map(Error::getMessage)
                .findFirst()
                .orElse(fields.isEmpty() ? null : "The request has invalid fields");
        int status = response.code();
        return new Problem("about:blank", response.reason(), status, detail,
                context.getRequest().getPath(), fields, RequestIds.of(context.getRequest()));
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }
}
