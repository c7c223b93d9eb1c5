package org.afyadial.payments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.afyadial.system.PageOf;
import org.afyadial.system.TimeWindow;

import java.time.Instant;

/** Payments and reconciliation for staff. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1/payments")
@Tag(name = "Payments")
@SecurityRequirement(name = "bearer")
class PaymentController {

    private final PaymentDesk desk;

    PaymentController(PaymentDesk desk) {
        this.desk = desk;
    }

    @Get
    @Operation(summary = "List payments, newest first", description = "received in [from, to), by provider and status")
    PageOf<Payment> list(@Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to,
                         @Nullable @QueryValue Provider provider, @Nullable @QueryValue PaymentStatus status) {
        TimeWindow.checkOrder(from, to);
        return PageOf.all(desk.search(from, to, provider, status), p -> p);
    }

    @Get("/reconciliation")
    @Operation(summary = "What waits for a person", description = "unmatched money, over-payments, currency mismatches, late successes, requests pending too long, claims never confirmed, refunds due")
    PaymentDesk.Reconciliation reconciliation() {
        return desk.reconciliation();
    }

    @Post("/{id}/match")
    @Operation(summary = "Apply a payment waiting in reconciliation to a bill")
    Payment match(String id, @Body @Valid BillRequests.Match body) {
        return desk.match(id, body.billId());
    }

    @Post("/{id}/refund")
    @Operation(summary = "Record a refund made in the provider's portal")
    Payment refund(String id, @Body @Valid BillRequests.Reason body) {
        return desk.refund(id, body.reason());
    }
}
