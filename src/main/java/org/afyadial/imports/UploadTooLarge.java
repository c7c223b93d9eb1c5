package org.afyadial.imports;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * A streamed body above {@code max-request-size}: only an upload to {@link ImportController} streams (bodies read
 * whole have their own, 1 MB bound), so the problem names the setting that raises the limit.
 */
@Singleton
@Produces
@Replaces(ContentLengthExceededHandler.class)
final class UploadTooLarge implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;
    private final long limit;

    UploadTooLarge(ErrorResponseProcessor<?> processor, HttpServerConfiguration server) {
        this.processor = processor;
        this.limit = server.getMaxRequestSize();
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException e) {
        String detail = request.getPath().startsWith("/api/v1/imports")
                ? "The upload is larger than the import limit of " + limit + " bytes (IMPORT_MAX_BYTES)"
                : e.getMessage();
        return processor.processResponse(ErrorContext.builder(request).cause(e).errorMessage(detail).build(),
                HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE));
    }
}
