package org.afyadial.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.afyadial.system.PageOf;
import org.afyadial.system.TimeWindow;

import java.time.Instant;

/** Reads the audit log, newest first. The API offers no way to change or remove an entry. */
@Controller("/api/v1/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit log", description = "Who read or changed what, when and from where (ADMIN only)")
@SecurityRequirement(name = "bearer")
class AuditController {

    private final AuditRepository entries;

    AuditController(AuditRepository entries) {
        this.entries = entries;
    }

    @Get
    @Operation(summary = "Search the audit log", description = "Newest first; every filter is optional; pages count from 0.")
    PageOf<AuditEntry> search(
            @Parameter(description = "actor: a staff username, or ussd:<patient id>", example = "wanjiru.k") @QueryValue @Nullable String user,
            @Parameter(example = "665f1c2e9b1e8a3d4c5b6a79") @QueryValue @Nullable String patientId,
            @Parameter(description = "inclusive, ISO-8601 instant", example = "2026-11-01T00:00:00Z") @QueryValue @Nullable Instant from,
            @Parameter(description = "exclusive, ISO-8601 instant", example = "2026-12-01T00:00:00Z") @QueryValue @Nullable Instant to,
            @QueryValue(defaultValue = "0") @Min(0) int page,
            @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        TimeWindow.checkOrder(from, to);
        var found = entries.findAll(new AuditQuery(user, patientId, from, to).filter(),
                PageOf.request(page, size, Sort.of(Sort.Order.desc("at"), Sort.Order.desc("id"))));
        return PageOf.of(found, entry -> entry);
    }
}
