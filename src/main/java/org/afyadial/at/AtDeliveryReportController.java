package org.afyadial.at;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.afyadial.sms.DeliveryReports;
import org.afyadial.sms.DeliveryUpdate;
import org.afyadial.sms.DeliveryUpdate.DeliveryState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * AT's delivery-report callback: form fields {@code id, status, phoneNumber, networkCode,
 * failureReason, retryCount}. Answers 200 to anything readable or not, so AT never retries forever.
 */
@Controller("/at/sms/delivery")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class AtDeliveryReportController {

    private static final Logger LOG = LoggerFactory.getLogger(AtDeliveryReportController.class);

    /** AT's delivery statuses, the one table of them. */
    static final Map<String, DeliveryState> STATUSES = Map.of(
            "Success", DeliveryState.DELIVERED,
            "Sent", DeliveryState.SENT,
            "Submitted", DeliveryState.SENT,
            "Buffered", DeliveryState.SENT,
            "Rejected", DeliveryState.FAILED,
            "Failed", DeliveryState.FAILED,
            "Expired", DeliveryState.FAILED,
            "AbsentSubscriber", DeliveryState.FAILED);

    private final DeliveryReports reports;

    AtDeliveryReportController(DeliveryReports reports) {
        this.reports = reports;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> report(@Body String body) {
        AtForm form = AtForm.parse(body);
        String id = form.get("id");
        DeliveryState state = STATUSES.get(form.get("status"));
        if (id == null || id.isBlank() || state == null) {
            LOG.warn("Delivery report with id '{}' and status '{}' not understood: ignored", id, form.get("status"));
            return HttpResponse.ok();
        }
        String reason = form.get("failureReason");
        reports.apply(new DeliveryUpdate(id, state, reason == null || reason.isBlank() ? form.get("status") : reason));
        return HttpResponse.ok();
    }
}
