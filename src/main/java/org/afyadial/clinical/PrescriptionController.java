package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.afyadial.audit.AuditTrail;

import java.util.List;

/** Doctors prescribe; pharmacists find a prescription by its code, see its alerts now and dispense item by item. */
@Controller("/api/v1/prescriptions")
@Tag(name = "Prescriptions")
@SecurityRequirement(name = "bearer")
class PrescriptionController {

    @Serdeable
    record NewPrescription(@NotBlank String patientId,
                           @NotEmpty @Size(max = 20) List<@NotNull @Valid PrescriptionItem> items,
                           @Nullable @Size(max = 300) String overrideReason) {
    }

    @Serdeable
    record DispenseRequest(@NotNull @Min(0) Integer item) {
    }

    private final Prescriptions prescriptions;
    private final AuditTrail audit;

    PrescriptionController(Prescriptions prescriptions, AuditTrail audit) {
        this.prescriptions = prescriptions;
        this.audit = audit;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Prescribe", description = "Each item is checked against the patient's allergies, conditions, pregnancy, breastfeeding, age, weight and active prescriptions. A CONTRAINDICATED alert answers 409 listing the alerts unless overrideReason is given; WARNINGs are saved with the prescription.")
    PrescriptionView prescribe(@Body @Valid NewPrescription body, Authentication doctor) {
        return prescriptions.prescribe(body.patientId(), body.items(), body.overrideReason(), doctor.getName());
    }

    @Get("/verify/{code}")
    @Operation(summary = "Find a prescription by its verification code")
    PrescriptionView verify(@PathVariable String code) {
        return read(prescriptions.byCode(code));
    }

    @Get("/{id}")
    @Operation(summary = "Read a prescription, its alerts re-checked now and what is dispensed")
    PrescriptionView get(@PathVariable String id) {
        return read(prescriptions.get(id));
    }

    @Post("/{id}/dispense")
    @Operation(summary = "Record one item as dispensed", description = "409 when the item is already dispensed.")
    PrescriptionView dispense(@PathVariable String id, @Body @Valid DispenseRequest body, Authentication pharmacist) {
        return prescriptions.dispense(id, body.item(), pharmacist.getName(), "API");
    }

    private PrescriptionView read(PrescriptionView view) {
        audit.record("prescription.read", Prescriptions.TARGET, view.id(), view.patientId());
        return view;
    }
}
