package org.afyadial.clinical;

import io.micronaut.data.model.Pageable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.afyadial.audit.AuditTrail;
import org.afyadial.system.PageOf;

/** A patient's history as one timeline, for the doctor who sees them next; every read is audited. */
@Controller("/api/v1/patients/{patientId}/history")
@Tag(name = "Clinical records")
@SecurityRequirement(name = "bearer")
class PatientHistoryController {

    private final PatientHistory history;
    private final AuditTrail audit;

    PatientHistoryController(PatientHistory history, AuditTrail audit) {
        this.history = history;
        this.audit = audit;
    }

    @Get
    @Operation(summary = "A patient's history, newest first", description = "Appointments, consultations, prescriptions, dispensings, lab orders and results, bills and payments; page and size as other lists.")
    PageOf<PatientHistory.Entry> get(@PathVariable String patientId, Pageable pageable) {
        PageOf<PatientHistory.Entry> page = history.page(patientId, PageOf.reachable(pageable));
        audit.record("history.read", "patient", patientId, patientId);
        return page;
    }
}
