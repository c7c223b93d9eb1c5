package org.afyadial.payments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.afyadial.system.PageOf;

/** Bills for staff. Amounts are minor units of the bill's currency. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1/bills")
@Tag(name = "Payments")
@SecurityRequirement(name = "bearer")
class BillController {

    private final BillService bills;
    private final PaymentDesk desk;

    BillController(BillService bills, PaymentDesk desk) {
        this.bills = bills;
        this.desk = desk;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Write a bill", description = "In the clinic's currency (CLINIC_CURRENCY); amounts in minor units.")
    Bill create(@Body @Valid BillRequests.NewBill body) {
        return bills.create(body.patientId(), body.lines().stream().map(l -> new Bill.Line(l.description(), l.amount())).toList());
    }

    @Get
    @Operation(summary = "List bills, newest first")
    PageOf<Bill> list(@Nullable @QueryValue String patientId, @Nullable @QueryValue BillStatus status) {
        return PageOf.all(bills.list(patientId, status), b -> b);
    }

    @Get("/{id}")
    PaymentDesk.BillWithPayments get(String id) {
        return desk.bill(id);
    }

    @Post("/{id}/payments")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Enter a cash or manual payment", description = "409 when the bill is not open or the amount exceeds its balance.")
    Payment pay(String id, @Body @Valid BillRequests.ManualPayment body) {
        return desk.takeManual(id, body.amount(), body.note());
    }

    @Post("/{id}/void")
    @Operation(summary = "Void an unpaid bill")
    Bill voidBill(String id, @Body @Valid BillRequests.Reason body) {
        return bills.voidBill(id, body.reason());
    }
}
