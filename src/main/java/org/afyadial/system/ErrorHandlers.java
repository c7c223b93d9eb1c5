package org.afyadial.system;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.afyadial.store.DuplicateKey;
import org.afyadial.store.VersionedUpdate;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.reflect.ReflectionUtils;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.serde.config.annotation.SerdeConfig;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The REST API's exception handlers; each answers a problem document through {@link ProblemBodyProvider}. */
final class ErrorHandlers {

    private static final String ALREADY_EXISTS = "This record already exists";
    private static final String OUR_FAULT = "Something went wrong on our side; it has been logged";

    private ErrorHandlers() {
    }

    static HttpResponse<?> problem(ErrorResponseProcessor<?> processor, HttpRequest<?> request,
                                           Throwable cause, HttpStatus status, String detail, List<Error> fields) {
        ErrorContext.Builder context = ErrorContext.builder(request).cause(cause).errors(fields);
        if (detail != null) {
            context.errorMessage(detail);
        }
        return processor.processResponse(context.build(), HttpResponse.status(status));
    }

    record FieldError(String field, String message) implements Error {
        @Override
        public Optional<String> getPath() {
            return Optional.of(field);
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    @Singleton
    @Produces
    static final class Deliberate implements ExceptionHandler<ProblemException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        Deliberate(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ProblemException e) {
            List<Error> fields = e.field().map(field -> List.<Error>of(new FieldError(field, e.getMessage()))).orElse(List.of());
            return problem(processor, request, e, e.status(), fields.isEmpty() ? e.getMessage() : null, fields);
        }
    }

    /** Bean validation failures name the JSON field, not the Java method and parameter. */
    @Singleton
    @Produces
    @Replaces(ConstraintExceptionHandler.class)
    static final class InvalidFields implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        InvalidFields(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException e) {
            List<Error> fields = e.getConstraintViolations().stream()
                    .map(v -> (Error) new FieldError(fieldPath(v), v.getMessage()))
                    .sorted(Comparator.comparing(err -> err.getPath().orElse("")))
                    .toList();
            return problem(processor, request, e, HttpStatus.BAD_REQUEST, "The request has invalid fields", fields);
        }

        private static String fieldPath(ConstraintViolation<?> violation) {
            List<String> names = new ArrayList<>();
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                    continue;
                }
                if (node.getKind() == ElementKind.PARAMETER && names.isEmpty()) {
                    names.add(node.getName()); // dropped below when a property follows
                    continue;
                }
                // a node's index is its position in the previous node's list: hours[0].to, allergies[0]
                if (node.isInIterable() && node.getIndex() != null && !names.isEmpty()) {
                    names.add(names.removeLast() + "[" + node.getIndex() + "]");
                }
                if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null && !node.getName().isEmpty()) {
                    names.add(node.getName());
                }
            }
            if (names.size() > 1) {
                names.removeFirst();
            }
            return String.join(".", names);
        }
    }

    /**
     * A body or parameter that cannot be read as the declared type (an object where a text belongs,
     * an unknown enum constant, a malformed date) names the JSON field and what it must be.
     */
    @Singleton
    @Produces
    @Replaces(ConversionErrorHandler.class)
    static final class UnreadableField implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        UnreadableField(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
            Optional<SerdeException> located = serdeFailure(e).filter(failure -> !failure.getPath().isEmpty());
            String field = located.map(failure -> jsonPath(failure.getPath())).orElse(e.getArgument().getName());
            Argument<?> expected = located.map(failure -> expectedType(failure.getPath().getFirst())).orElse(e.getArgument());
            return problem(processor, request, e, HttpStatus.BAD_REQUEST, "The request has invalid fields",
                    List.of(new FieldError(field, "must be " + describe(expected))));
        }

        private static Optional<SerdeException> serdeFailure(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SerdeException serde) {
                    return Optional.of(serde);
                }
            }
            return Optional.empty();
        }

        /** Serde lists the path innermost first. */
        private static String jsonPath(List<ReferencePath> path) {
            StringBuilder field = new StringBuilder();
            for (ReferencePath step : path.reversed()) {
                switch (step) {
                    case PropertyReferencePath property -> field.append(field.isEmpty() ? "" : ".").append(jsonName(property.property()));
                    case CollectionItemReferencePath item -> field.append('[').append(item.index()).append(']');
                    case MapItemReferencePath entry -> field.append(field.isEmpty() ? "" : ".").append(entry.key());
                    default -> { }
                }
            }
            return field.toString();
        }

        /** For a list item, the type of the items rather than of the list. */
        private static Argument<?> expectedType(ReferencePath innermost) {
            return innermost instanceof CollectionItemReferencePath item
                    ? item.collectionArgument().getFirstTypeVariable().orElse(item.getArgument())
                    : innermost.getArgument();
        }

        private static String jsonName(Argument<?> property) {
            return property.getAnnotationMetadata().stringValue(SerdeConfig.class, SerdeConfig.PROPERTY).orElse(property.getName());
        }

        private static String describe(Argument<?> type) {
            Class<?> javaType = type.getType();
            if (javaType.isEnum()) {
                return "one of " + Arrays.stream(javaType.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
            }
            if (CharSequence.class.isAssignableFrom(javaType)) {
                return "a text";
            }
            if (Number.class.isAssignableFrom(ReflectionUtils.getWrapperType(javaType))) {
                return "a number";
            }
            if (ReflectionUtils.getWrapperType(javaType) == Boolean.class) {
                return "true or false";
            }
            if (Iterable.class.isAssignableFrom(javaType) || javaType.isArray()) {
                return "a list";
            }
            if (Temporal.class.isAssignableFrom(javaType)) {
                return "an ISO-8601 " + (javaType == Instant.class ? "instant, e.g. 2026-03-01T09:30:00Z" : "value");
            }
            return "an object";
        }
    }

    /**
     * A unique index said no: the thing already exists (a booked slot, a username, an idempotency key). A store that
     * cannot be reached is worth a retry; any other store error is ours.
     */
    @Singleton
    @Produces
    static final class StoreFailure implements ExceptionHandler<MongoException, HttpResponse<?>> {
        private static final Logger LOG = LoggerFactory.getLogger(StoreFailure.class);
        private final ErrorResponseProcessor<?> processor;

        StoreFailure(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, MongoException e) {
            if (DuplicateKey.causedBy(e)) {
                return problem(processor, request, e, HttpStatus.CONFLICT, ALREADY_EXISTS, List.of());
            }
            LOG.error("Store failure on {} {}", request.getMethod(), request.getPath(), e);
            if (e instanceof MongoTimeoutException || e instanceof MongoSocketException) {
                return problem(processor, request, e, HttpStatus.SERVICE_UNAVAILABLE,
                        "The record store is unavailable, please retry shortly", List.of());
            }
            return problem(processor, request, e, HttpStatus.INTERNAL_SERVER_ERROR, OUR_FAULT, List.of());
        }
    }

    /** A versioned record kept changing under a change: the caller may reload and retry. */
    @Singleton
    @Produces
    static final class ConcurrentChange implements ExceptionHandler<VersionedUpdate.ChangedMeanwhile, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        ConcurrentChange(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, VersionedUpdate.ChangedMeanwhile e) {
            return problem(processor, request, e, HttpStatus.CONFLICT, e.getMessage(), List.of());
        }
    }

    /** Anything unforeseen: logged with its stack trace, answered without it. */
    @Singleton
    @Produces
    static final class Unexpected implements ExceptionHandler<Exception, HttpResponse<?>> {
        private static final Logger LOG = LoggerFactory.getLogger(Unexpected.class);
        private final ErrorResponseProcessor<?> processor;

        Unexpected(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, Exception e) {
            if (DuplicateKey.causedBy(e)) {
                return problem(processor, request, e, HttpStatus.CONFLICT, ALREADY_EXISTS, List.of());
            }
            LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), e);
            return problem(processor, request, e, HttpStatus.INTERNAL_SERVER_ERROR, OUR_FAULT, List.of());
        }
    }
}
