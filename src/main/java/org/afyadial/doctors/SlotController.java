package org.afyadial.doctors;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.afyadial.system.PageOf;
import org.afyadial.system.TimeWindow;

import java.time.Instant;

@Controller("/api/v1/slots")
@Tag(name = "Doctors")
@SecurityRequirement(name = "bearer")
class SlotController {

    private final FreeSlotFinder slots;

    SlotController(FreeSlotFinder slots) {
        this.slots = slots;
    }

    @Get
    @Operation(summary = "Free slots of every doctor of a specialty starting in [from, to), earliest first")
    PageOf<Slot> find(@Parameter(example = "general-medicine") @QueryValue String specialty,
                      @Parameter(example = "2026-11-23T00:00:00Z") @QueryValue Instant from,
                      @Parameter(example = "2026-11-24T00:00:00Z") @QueryValue Instant to) {
        TimeWindow.check(from, to, FreeSlotFinder.LONGEST_WINDOW);
        return PageOf.all(slots.freeSlotsForSpecialty(specialty, from, to), s -> s);
    }
}
