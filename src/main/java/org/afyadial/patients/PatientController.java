package org.afyadial.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.afyadial.audit.AuditTrail;
import org.afyadial.system.PageOf;

import java.util.List;

/** Staff access to patient records; every record read is audited. */
@Controller("/api/v1/patients")
@Tag(name = "Patients")
@SecurityRequirement(name = "bearer")
class PatientController {

    private final PatientService patients;
    private final AuditTrail audit;

    PatientController(PatientService patients, AuditTrail audit) {
        this.patients = patients;
        this.audit = audit;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Register a patient", description = "Allocates the next identifier (AFD-PT-000123); the phone may be written locally (0712 345 678) and is stored in E.164.")
    PatientView create(@Body @Valid PatientDetails details) {
        return PatientView.of(patients.register(details, null, Channel.STAFF));
    }

    @Get("/{id}")
    @Operation(summary = "Read a patient record")
    PatientView get(String id) {
        return read(patients.get(id));
    }

    @Put("/{id}")
    @Operation(summary = "Update a patient record")
    PatientView update(String id, @Body @Valid PatientDetails details) {
        return PatientView.of(patients.update(id, details, Channel.STAFF));
    }

    @Post("/{id}/pin-reset")
    @Operation(summary = "Reset a patient's USSD PIN", description = "After an identity check at reception: clears the PIN and lifts the phone's lock after wrong PINs; the next dial asks the patient for a new PIN, twice. The identity check is kept in the audit log.")
    PatientView resetPin(String id, @Body @Valid PinResetRequest request) {
        return PatientView.of(patients.resetPin(id, request.identityCheck().strip()));
    }

    @Get
    @Operation(summary = "Find patients", description = "By phone (every patient sharing it), by identifier, or by name: a case- and accent-insensitive prefix of the first or last name. Without a filter, every patient by identifier.")
    PageOf<PatientView> search(@Parameter(example = "0712345678") @Nullable @QueryValue String phone,
                               @Parameter(example = "wanj") @Nullable @QueryValue @Size(min = 1, max = 60) String name,
                               @Parameter(example = "AFD-PT-000123") @Nullable @QueryValue String identifier,
                               Pageable pageable) {
        if (phone != null) {
            return PageOf.all(patients.findByPhone(phone), this::read);
        }
        if (identifier != null) {
            return PageOf.all(patients.findByIdentifier(identifier).map(List::of).orElse(List.of()), this::read);
        }
        Pageable reachable = PageOf.reachable(pageable);
        Page<Patient> page = name != null ? patients.searchByName(name, reachable) : patients.list(reachable);
        return PageOf.of(page, this::read);
    }

    private PatientView read(Patient patient) {
        audit.record("patient.read", PatientService.TARGET, patient.id(), patient.id());
        return PatientView.of(patient);
    }
}
