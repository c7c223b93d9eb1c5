package org.afyadial.clinical;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** A CONTRAINDICATED alert and no override reason: nothing is saved; the 409 problem lists every alert by item. */
final class PrescriptionBlocked extends RuntimeException {

    private final transient List<Alert> alerts;

    PrescriptionBlocked(List<Alert> alerts) {
        super("blocked", null, false, false);
        this.alerts = List.copyOf(alerts);
    }

    /** Each alert as a problem error: {@code items[0]} → "CONTRAINDICATED glucose-diabetes: ... Source: ...". */
    @Singleton
    @Produces
    static final class Handler implements ExceptionHandler<PrescriptionBlocked, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        Handler(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, PrescriptionBlocked blocked) {
            List<Error> errors = blocked.alerts.stream().map(AlertError::new).map(Error.class::cast).toList();
            ErrorContext context = ErrorContext.builder(request).cause(blocked)
                    .errorMessage("The prescription is contra-indicated for this patient; resend it with an overrideReason to save it anyway")
                    .errors(errors).build();
            return processor.processResponse(context, HttpResponse.status(HttpStatus.CONFLICT));
        }
    }

    private record AlertError(Alert alert) implements Error {
        @Override
        public Optional<String> getPath() {
            return Optional.of("items[" + alert.item() + "]");
        }

        @Override
        public String getMessage() {
            return alert.severity() + " " + alert.rule() + ": " + alert.explanation() + " Source: " + alert.source();
        }
    }
}
