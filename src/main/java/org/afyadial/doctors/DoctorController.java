package org.afyadial.doctors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.afyadial.staff.ActingDoctor;
import org.afyadial.system.PageOf;
import org.afyadial.system.TimeWindow;

import java.time.Instant;
import java.time.LocalDate;

@Controller("/api/v1/doctors")
@Tag(name = "Doctors")
@SecurityRequirement(name = "bearer")
class DoctorController {

    @Serdeable
    record AvailabilityChange(@NotNull Availability availability) {
    }

    private final DoctorService doctors;
    private final FreeSlotFinder slots;

    DoctorController(DoctorService doctors, FreeSlotFinder slots) {
        this.doctors = doctors;
        this.slots = slots;
    }

    @Get
    @Operation(summary = "List doctors", description = "All doctors, or those of one specialty code.")
    PageOf<DoctorView> list(@Parameter(example = "general-medicine") @Nullable @QueryValue String specialty) {
        return PageOf.all(specialty == null ? doctors.list() : doctors.bySpecialty(specialty), DoctorView::of);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Add a doctor", description = "fee.amount is a decimal (never a float); fee.currency defaults to the clinic's. username links a staff account with role DOCTOR.")
    DoctorView create(@Body @Valid DoctorDetails details) {
        return DoctorView.of(doctors.create(details));
    }

    @Get("/{id}")
    DoctorView get(String id) {
        return DoctorView.of(doctors.get(id));
    }

    @Put("/{id}")
    @Operation(summary = "Update a doctor's details (not the schedule)")
    DoctorView update(String id, @Body @Valid DoctorDetails details) {
        return DoctorView.of(doctors.update(id, details));
    }

    @Put("/{id}/schedule")
    @Operation(summary = "Replace the weekly schedule", description = "Day-of-week ranges in clinic local time (CLINIC_TIMEZONE) and the slot length in minutes.")
    DoctorView schedule(String id, @Body @Valid WeeklySchedule schedule) {
        return DoctorView.of(doctors.setSchedule(id, schedule));
    }

    @Put("/{id}/availability")
    @Operation(summary = "Set what receptionists see: AVAILABLE, BUSY or AWAY (a doctor: their own only)")
    DoctorView availability(String id, @Body @Valid AvailabilityChange change, Authentication staff) {
        return DoctorView.of(doctors.setAvailability(id, change.availability(), ActingDoctor.usernameOf(staff)));
    }

    @Get("/{id}/exceptions")
    @Operation(summary = "Leave and extra hours between two dates (inclusive)")
    PageOf<ScheduleException> exceptions(String id, @QueryValue LocalDate from, @QueryValue LocalDate to) {
        TimeWindow.checkOrder(from, to);
        doctors.get(id);
        return PageOf.all(doctors.exceptions(id, from, to), e -> e);
    }

    @Post("/{id}/exceptions")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Add leave (whole day without from/to) or extra hours on one date (a doctor: their own only)")
    ScheduleException addException(String id, @Body @Valid ScheduleChange change, Authentication staff) {
        return doctors.addException(id, change, ActingDoctor.usernameOf(staff));
    }

    @Delete("/{id}/exceptions/{exceptionId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove leave or extra hours (a doctor: their own only)")
    void removeException(String id, String exceptionId, Authentication staff) {
        doctors.removeException(id, exceptionId, ActingDoctor.usernameOf(staff));
    }

    @Get("/{id}/slots")
    @Operation(summary = "Free slots of the doctor starting in [from, to)", description = "UTC instants; past slots, leave and booked slots are left out. At most 31 days.")
    PageOf<Slot> slots(String id, @Parameter(example = "2026-11-23T00:00:00Z") @QueryValue Instant from,
                       @Parameter(example = "2026-11-24T00:00:00Z") @QueryValue Instant to) {
        TimeWindow.check(from, to, FreeSlotFinder.LONGEST_WINDOW);
        return PageOf.all(slots.freeSlots(id, from, to), s -> s);
    }

    @Get("/{id}/calendar")
    @Operation(summary = "The doctor's slots over a day, week (Monday to Sunday) or month, each FREE, TAKEN or PAST")
    Calendar calendar(String id, @QueryValue(defaultValue = "week") CalendarView view,
                      @Parameter(example = "2026-11-23") @QueryValue LocalDate date) {
        return slots.calendar(doctors.get(id), view, date);
    }
}
