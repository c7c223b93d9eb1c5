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
import org.afyadial.system.PageOf;

/** Doctors record consultations and read them back; every read is audited. */
@Controller("/api/v1")
@Tag(name = "Clinical records")
@SecurityRequirement(name = "bearer")
class ConsultationController {

    private final Consultations consultations;
    private final AuditTrail audit;

    ConsultationController(Consultations consultations, AuditTrail audit) {
        this.consultations = consultations;
        this.audit = audit;
    }

    @Post("/consultations")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Record a consultation", description = "Vitals in the units their names say, refused (400) outside a living patient's range. With appointmentId, completes that appointment (the doctor's own, checked in). addToProfile puts a chronic condition on the clinical profile; a weight updates the profile's weight.")
    Consultation record(@Body @Valid NewConsultation body, Authentication doctor) {
        return consultations.record(body, doctor.getName());
    }

    @Get("/consultations/{id}")
    @Operation(summary = "Read a consultation")
    Consultation get(@PathVariable String id) {
        return read(consultations.get(id));
    }

    @Get("/patients/{patientId}/consultations")
    @Operation(summary = "A patient's consultations, newest first")
    PageOf<Consultation> ofPatient(@PathVariable String patientId, Pageable pageable) {
        return PageOf.of(consultations.ofPatient(patientId, PageOf.reachable(pageable)), this::read);
    }

    private Consultation read(Consultation consultation) {
        audit.record("consultation.read", Consultations.TARGET, consultation.id(), consultation.patientId());
        return consultation;
    }
}
