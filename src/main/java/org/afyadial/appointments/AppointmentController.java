package org.afyadial.appointments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.afyadial.audit.AuditTrail;
import org.afyadial.patients.Channel;
import org.afyadial.staff.ActingDoctor;
import org.afyadial.system.PageOf;
import org.afyadial.system.TimeWindow;

import java.time.Instant;

/**
 * Appointments for staff. Bookings and every transition are audited and announced by
 * {@link AppointmentService}; an illegal transition answers 409 naming the allowed ones.
 */
@Controller("/api/v1/appointments")
@Tag(name = "Appointments")
@SecurityRequirement(name = "bearer")
class AppointmentController {

    private final AppointmentService appointments;
    private final AuditTrail audit;

    AppointmentController(AppointmentService appointments, AuditTrail audit) {
        this.appointments = appointments;
        this.audit = audit;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Book an appointment", description = "start must be a free slot of the doctor (see /doctors/{id}/slots) unless urgent, which may start anywhere in the future. 409 when the doctor already has an appointment at that start.")
    AppointmentView book(@Body @Valid AppointmentRequests.NewAppointment booking) {
        Appointment booked = booking.urgent()
                ? appointments.bookUrgent(booking.patientId(), booking.doctorId(), booking.start(), booking.reason())
                : appointments.book(booking.patientId(), booking.doctorId(), booking.start(), booking.reason(), Channel.STAFF);
        return AppointmentView.of(booked);
    }

    @Get
    @Operation(summary = "List appointments", description = "Filter by doctor, patient, status and start in [from, to); page, size and sort (e.g. sort=start,desc) as query parameters.")
    PageOf<AppointmentView> list(@Nullable @QueryValue String doctorId, @Nullable @QueryValue String patientId,
                                 @Nullable @QueryValue AppointmentStatus status,
                                 @Parameter(example = "2026-11-23T00:00:00Z") @Nullable @QueryValue Instant from,
                                 @Parameter(example = "2026-11-30T00:00:00Z") @Nullable @QueryValue Instant to,
                                 Pageable pageable) {
        TimeWindow.checkOrder(from, to);
        return PageOf.of(appointments.search(new AppointmentFilter(doctorId, patientId, status, from, to), PageOf.reachable(pageable)),
                AppointmentView::of);
    }

    @Get("/{id}")
    AppointmentView get(String id) {
        Appointment appointment = appointments.get(id);
        audit.record("appointment.read", "appointment", id, appointment.patientId());
        return AppointmentView.of(appointment);
    }

    @Post("/{id}/confirm")
    @Operation(summary = "Confirm a REQUESTED appointment (its own doctor only)")
    AppointmentView confirm(String id, Authentication doctor) {
        return AppointmentView.of(appointments.confirm(id, doctor.getName()));
    }

    @Post("/{id}/refuse")
    @Operation(summary = "Refuse a REQUESTED appointment (its own doctor only); the slot is freed")
    AppointmentView refuse(String id, @Body @Nullable @Valid AppointmentRequests.Reason body, Authentication doctor) {
        return AppointmentView.of(appointments.refuse(id, doctor.getName(), body == null ? null : body.reason()));
    }

    @Post("/{id}/check-in")
    AppointmentView checkIn(String id) {
        return AppointmentView.of(appointments.checkIn(id));
    }

    @Post("/{id}/complete")
    @Operation(summary = "Complete a visit (its own doctor only)")
    AppointmentView complete(String id, Authentication doctor) {
        return AppointmentView.of(appointments.complete(id, doctor.getName()));
    }

    @Post("/{id}/no-show")
    @Operation(summary = "Mark that the patient did not come (a doctor: their own appointments only)")
    AppointmentView noShow(String id, Authentication staff) {
        return AppointmentView.of(appointments.noShow(id, ActingDoctor.usernameOf(staff)));
    }

    @Post("/{id}/cancel")
    @Operation(summary = "Cancel on the clinic's side, at any time, with a reason; the slot is freed (a doctor: their own appointments only)")
    AppointmentView cancel(String id, @Body @Valid AppointmentRequests.StaffCancellation body, Authentication staff) {
        return AppointmentView.of(appointments.cancelByStaff(id, body.reason(), ActingDoctor.usernameOf(staff)));
    }

    @Post("/{id}/assign")
    @Operation(summary = "Give a REQUESTED appointment to another doctor of its specialty")
    AppointmentView assign(String id, @Body @Valid AppointmentRequests.Assignment body) {
        return AppointmentView.of(appointments.assignDoctor(id, body.doctorId()));
    }

    @Post("/{id}/reschedule")
    @Operation(summary = "Move to another slot (of the same or another doctor)", description = "Creates the new appointment (201-like body) linked to the old one, which becomes RESCHEDULED.")
    AppointmentView reschedule(String id, @Body @Valid AppointmentRequests.Reschedule body) {
        return AppointmentView.of(appointments.reschedule(id, body.start(), body.doctorId()));
    }
}
