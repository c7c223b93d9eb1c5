package org.afyadial.staff;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import static org.afyadial.staff.UssdAccessDtos.UssdAccessRequest;
import static org.afyadial.staff.UssdAccessDtos.UssdAccessView;

/** The phone a pharmacist dials the USSD code from, and their one-time staff PIN (ADMIN only, see {@link RoleMatrix}). */
@Controller("/api/v1/users/{id}/ussd-access")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Staff users")
@SecurityRequirement(name = "bearer")
class UssdAccessController {

    private final StaffPhones phones;

    UssdAccessController(StaffPhones phones) {
        this.phones = phones;
    }

    @Put
    @Operation(summary = "Register a pharmacist's phone for USSD, with a one-time PIN",
            description = "The phone is stored in E.164 and serves one account (409 when another has it); the user must be a PHARMACIST (409). At the first dial the pharmacist types the one-time PIN and chooses their own, twice. Registering again (a new phone, or a new one-time PIN for a forgotten one) ends the phone's open sessions.")
    UssdAccessView register(@PathVariable String id, @Body @Valid UssdAccessRequest request) {
        return phones.register(id, request.phone(), request.oneTimePin());
    }

    @Delete
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a user's USSD access", description = "Takes effect at the phone's next screen.")
    void remove(@PathVariable String id) {
        phones.remove(id);
    }
}
