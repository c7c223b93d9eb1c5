package org.afyadial.system;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JacksonExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A body that is not JSON at all answers 400 with where it broke, in our words: the parser's own
 * message names its settings and classes, which tell a caller nothing and a prober which library runs.
 */
final class UnreadableJson {

    private UnreadableJson() {
    }

    static HttpResponse<?> answer(ErrorResponseProcessor<?> processor, HttpRequest<?> request, Throwable e) {
        String where = "";
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException parsing && parsing.getLocation() != null) {
                JsonLocation at = parsing.getLocation();
                where = " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
                break;
            }
        }
        return ErrorHandlers.problem(processor, request, e, HttpStatus.BAD_REQUEST, "The request body is not valid JSON" + where, List.of());
    }

    @Singleton
    @Produces
    @Replaces(JsonExceptionHandler.class)
    static final class Syntax implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        Syntax(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException e) {
            return answer(processor, request, e);
        }
    }

    @Singleton
    @Produces
    @Replaces(JacksonExceptionHandler.class)
    static final class Parser implements ExceptionHandler<JsonProcessingException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        Parser(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonProcessingException e) {
            return answer(processor, request, e);
        }
    }
}
