package org.afyadial.sms;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.afyadial.audit.AuditTrail;
import org.afyadial.system.ProblemException;

import java.util.List;

/** Alerts an administrator must act on, and resuming SMS sending once the account is topped up. */
@Controller("/api/v1/alerts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Alerts")
class AlertsController {

    /** An empty list is still written as {@code "items": []}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AlertList(List<SmsAlerts.Alert> items, int page, int size, long total) {
    }

    static final class NotPaused extends ProblemException {
        NotPaused() {
            super(HttpStatus.CONFLICT, "SMS sending is not paused");
        }
    }

    private final SmsAlerts alerts;
    private final AuditTrail audit;

    AlertsController(SmsAlerts alerts, AuditTrail audit) {
        this.alerts = alerts;
        this.audit = audit;
    }

    @Get
    @Operation(summary = "Active alerts", description = "For example sms-sending: AT reported insufficient balance and SMS sending is paused.")
    AlertList active() {
        List<SmsAlerts.Alert> active = alerts.active();
        return new AlertList(active, 0, active.size(), active.size());
    }

    @Post("/sms-sending/resume")
    @Operation(summary = "Resume SMS sending", description = "After topping up the AT account: queued messages go out at the next dispatch. 409 when sending is not paused.")
    HttpStatus resume() {
        if (!alerts.resumeSending()) {
            throw new NotPaused();
        }
        audit.record("sms-sending.resume", "alert", SmsAlerts.SENDING_PAUSED, null);
        return HttpStatus.NO_CONTENT;
    }
}
