package org.afyadial.clinical;

import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.afyadial.audit.AuditTrail;
import org.afyadial.clinical.LabOrders.LabOrderView;
import org.afyadial.system.PageOf;

/** Doctors order tests; the lab lists open orders and records results; reading results is audited. */
@Controller("/api/v1/lab-orders")
@Tag(name = "Lab")
@SecurityRequirement(name = "bearer")
class LabOrderController {

    private final LabOrders labOrders;
    private final AuditTrail audit;

    LabOrderController(LabOrders labOrders, AuditTrail audit) {
        this.labOrders = labOrders;
        this.audit = audit;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Order lab tests for a patient")
    LabOrder order(@Body @Valid NewLabOrder body, Authentication doctor) {
        return labOrders.order(body, doctor.getName());
    }

    @Get
    @Operation(summary = "Orders waiting for results, oldest first")
    PageOf<LabOrder> open(Pageable pageable) {
        return PageOf.of(labOrders.open(PageOf.reachable(pageable)), order -> order);
    }

    @Get("/{id}")
    @Operation(summary = "An order with its results")
    LabOrderView get(@PathVariable String id) {
        LabOrderView view = labOrders.get(id);
        audit.record("lab-order.read", LabOrders.TARGET, id, view.order().patientId());
        return view;
    }

    @Post("/{id}/results")
    @Operation(summary = "Record one test's result", description = "409 when the test already has a result, unless correctionReason is given (a correction, audited). The last result of the order queues the patient an SMS that results are ready, never the result.")
    LabOrderView record(@PathVariable String id, @Body @Valid LabResultEntry body, Authentication lab) {
        return labOrders.record(id, body, lab.getName());
    }
}
