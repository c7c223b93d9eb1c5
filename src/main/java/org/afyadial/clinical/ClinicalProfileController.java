package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.afyadial.audit.AuditTrail;
import org.afyadial.system.ProblemException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patient's allergies, chronic conditions, pregnancy, breastfeeding and weight; reading is audited. A replacement
 * must send back, in {@code If-Match}, the {@code ETag} of the version it was based on (RFC 9110 §13.1.1): without
 * one it is refused with 428 (RFC 6585), on an older version with 412, so two doctors never overwrite each other.
 */
@Controller("/api/v1/patients/{patientId}/clinical-profile")
@Tag(name = "Clinical records")
@SecurityRequirement(name = "bearer")
class ClinicalProfileController {

    /** A strong entity tag of a profile version, as {@link #tag(long)} writes it. */
    private static final Pattern VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    static final class VersionRequired extends ProblemException {
        VersionRequired() {
            super(HttpStatus.PRECONDITION_REQUIRED, "Send the ETag of the profile you read in If-Match,"
                    + " so that a change made meanwhile by someone else is not overwritten");
        }
    }

    private final ClinicalProfiles profiles;
    private final AuditTrail audit;

    ClinicalProfileController(ClinicalProfiles profiles, AuditTrail audit) {
        this.profiles = profiles;
        this.audit = audit;
    }

    @Get
    @Operation(summary = "Read a patient's clinical profile", description = "The ETag names this version; send it in If-Match to replace it.")
    @ApiResponse(responseCode = "200", description = "The profile", headers = @Header(name = HttpHeaders.ETAG, description = "The profile's version, e.g. \"3\""))
    HttpResponse<ProfileView> get(@PathVariable String patientId) {
        ProfileView view = profiles.view(patientId);
        audit.record("clinical-profile.read", ClinicalProfiles.TARGET, patientId, patientId);
        return HttpResponse.ok(view).header(HttpHeaders.ETAG, tag(view.version()));
    }

    @Put
    @Operation(summary = "Replace a patient's clinical profile", description = "Conditions are codes of the coded list (diabetes, ckd with ckdStage or egfr, ...)."
            + " If-Match must hold the ETag of the version read: the replacement is refused when the profile changed since.")
    @ApiResponse(responseCode = "200", description = "The profile replaced", headers = @Header(name = HttpHeaders.ETAG, description = "The new version"))
    @ApiResponse(responseCode = "412", description = "The profile changed since the version in If-Match was read: read it again (problem+json)")
    @ApiResponse(responseCode = "428", description = "No If-Match header (problem+json)")
    HttpResponse<ProfileView> put(@PathVariable String patientId,
                                  @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true,
                                          description = "The ETag of the version read, e.g. \"3\"")
                                  @io.micronaut.http.annotation.Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                  @Body @Valid ProfileDetails details, Authentication doctor) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequired();
        }
        Matcher version = VERSION_TAG.matcher(ifMatch.strip());
        if (!version.matches()) {
            throw new ClinicalProfiles.ChangedSinceRead(); // no version of ours has this tag
        }
        ProfileView view = profiles.replace(patientId, details, Long.parseLong(version.group(1)), doctor.getName());
        audit.record("clinical-profile.update", ClinicalProfiles.TARGET, patientId, patientId);
        return HttpResponse.ok(view).header(HttpHeaders.ETAG, tag(view.version()));
    }

    private static String tag(long version) {
        return "\"" + version + "\"";
    }
}
