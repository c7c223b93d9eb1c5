package org.afyadial.clinical;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.afyadial.audit.AuditTrail;

/** A patient's allergies, chronic conditions, pregnancy, breastfeeding and weight; reading is audited. */
@Controller("/api/v1/patients/{patientId}/clinical-profile")
@Tag(name = "Clinical records")
@SecurityRequirement(name = "bearer")
class ClinicalProfileController {

    private final ClinicalProfiles profiles;
    private final AuditTrail audit;

    ClinicalProfileController(ClinicalProfiles profiles, AuditTrail audit) {
        this.profiles = profiles;
        this.audit = audit;
    }

    @Get
    @Operation(summary = "Read a patient's clinical profile")
    ProfileView get(@PathVariable String patientId) {
        ProfileView view = profiles.view(patientId);
        audit.record("clinical-profile.read", ClinicalProfiles.TARGET, patientId, patientId);
        return view;
    }

    @Put
    @Operation(summary = "Replace a patient's clinical profile", description = "Conditions are codes of the coded list (diabetes, ckd with ckdStage or egfr, ...).")
    ProfileView put(@PathVariable String patientId, @Body @Valid ProfileDetails details, Authentication doctor) {
        ProfileView view = profiles.replace(patientId, details, doctor.getName());
        audit.record("clinical-profile.update", ClinicalProfiles.TARGET, patientId, patientId);
        return view;
    }
}
