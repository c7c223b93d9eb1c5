package org.afyadial.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A value that cannot be read as its type (an unknown enum constant, a malformed date): 400 naming
 * the request argument, with the reader's explanation stripped of Java class names and parser
 * positions ("Expected one of [sw, en, fr] but was 'de'").
 */
@Singleton
@Produces
@Replaces(ConversionErrorHandler.class)
class UnreadableInput implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {

    private static final Pattern JAVA_NAMES = Pattern.compile("`[\\w.$]+`|\\[?class [\\w.$]+]?");

    private final ErrorResponseProcessor<?> processor;

    UnreadableInput(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
        String argument = e.getArgument().getName();
        Error error = new Error() {
            @Override
            public Optional<String> getPath() {
                return Optional.of(argument);
            }

            @Override
            public String getMessage() {
                return explanation(e);
            }
        };
        return processor.processResponse(ErrorContext.builder(request).cause(e).errors(List.of(error)).build(),
                HttpResponse.status(HttpStatus.BAD_REQUEST));
    }

    static String explanation(ConversionErrorException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int position = message.indexOf("\n at [Source");
        String plain = position < 0 ? message : message.substring(0, position);
        int reason = plain.lastIndexOf("due to: ");
        String why = reason < 0 ? plain : plain.substring(reason + "due to: ".length());
        return "cannot be read: " + JAVA_NAMES.matcher(why).replaceAll("value").trim();
    }
}
