package org.afyadial.at;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.afyadial.metrics.UssdMetrics;
import org.afyadial.ussd.UssdEngine;
import org.afyadial.ussd.UssdHop;
import org.afyadial.ussd.UssdReply;
import org.afyadial.ussd.UssdSessionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Africa's Talking USSD callbacks. The body is read as raw text and decoded here, so that a missing or broken
 * field still gets an {@code END} screen rather than an HTTP error, which AT would show as a network failure.
 */
@Controller("/at/ussd")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Africa's Talking webhooks")
class AtUssdController {

    private static final Logger LOG = LoggerFactory.getLogger(AtUssdController.class);
    private static final MediaType TEXT = MediaType.of("text/plain;charset=utf-8");
    private static final DateTimeFormatter AT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final UssdEngine engine;
    private final UssdMetrics metrics;

    AtUssdController(UssdEngine engine, UssdMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    @Operation(summary = "One USSD hop", description = "Form fields sessionId, serviceCode, phoneNumber, networkCode, "
            + "text (inputs so far joined by *). Answers text/plain starting with CON (expects input) or END.")
    HttpResponse<String> hop(@Nullable @Body String body) {
        long started = metrics.startHop();
        AtForm form = AtForm.parse(body);
        String text = form.get("text");
        UssdReply reply = engine.answer(new UssdHop(form.get("sessionId"), form.get("serviceCode"),
                form.get("phoneNumber"), form.get("networkCode"), text));
        metrics.hop(started, text == null || text.isEmpty(), reply);
        return HttpResponse.ok((reply.end() ? "END " : "CON ") + reply.screen()).contentType(TEXT);
    }

    @Post(uri = "/events", consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    @Operation(summary = "End-of-session notification", description = "Recorded against the session for statistics; "
            + "always 200 so that AT does not retry.")
    HttpResponse<String> sessionEnded(@Nullable @Body String body) {
        AtForm form = AtForm.parse(body);
        String sessionId = form.get("sessionId");
        if (sessionId == null || sessionId.isBlank()) {
            LOG.info("USSD end-of-session notification without sessionId ignored");
            return HttpResponse.ok("OK").contentType(TEXT);
        }
        if ("Incomplete".equals(form.get("status"))) {
            metrics.sessionTimedOut();
        }
        engine.recordEnd(new UssdSessionReport(sessionId, form.get("status"), form.number("durationInMillis").orElse(null),
                form.number("hopsCount").map(Long::intValue).orElse(null), form.get("cost"), form.get("errorMessage"),
                date(form.get("date"))));
        return HttpResponse.ok("OK").contentType(TEXT);
    }

    /** AT writes {@code yyyy-MM-dd HH:mm:ss} in UTC. */
    private static @Nullable Instant date(@Nullable String raw) {
        try {
            return raw == null ? null : LocalDateTime.parse(raw.strip(), AT_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
