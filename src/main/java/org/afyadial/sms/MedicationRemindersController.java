package org.afyadial.sms;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.afyadial.audit.AuditTrail;

import java.time.LocalTime;
import java.util.List;

/** Medication reminders of a patient, set up by a doctor or pharmacist. */
@Controller("/api/v1/patients/{patientId}/medication-reminders")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Medication reminders")
class MedicationRemindersController {

    @Serdeable
    record NewReminder(
            @Schema(example = "Amoxicillin") @NotBlank @Size(max = 40) String drug,
            @Schema(example = "500 mg") @NotBlank @Size(max = 30) String dose,
            @Schema(example = "[\"08:00\", \"20:00\"]") @NotEmpty @Size(max = 6) List<@NotNull LocalTime> timesOfDay,
            @Schema(example = "7") @Min(1) @Max(90) int days) {
    }

    /** An empty list is still written as {@code "items": []}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReminderList(List<MedicationReminder> items, int page, int size, long total) {
    }

    private final MedicationReminders reminders;
    private final AuditTrail audit;

    MedicationRemindersController(MedicationReminders reminders, AuditTrail audit) {
        this.reminders = reminders;
        this.audit = audit;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Remind a patient to take a drug",
            description = "One SMS at each time of day (clinic time) for the given number of days, from today.")
    MedicationReminder create(@PathVariable String patientId, @Body @Valid NewReminder body, Authentication staff) {
        MedicationReminder created = reminders.create(patientId, body.drug(), body.dose(), body.timesOfDay(), body.days(), staff.getName());
        audit.record("medication-reminder.create", "medication-reminder", created.id(), patientId);
        return created;
    }

    @Get
    @Operation(summary = "The patient's medication reminders")
    ReminderList list(@PathVariable String patientId) {
        List<MedicationReminder> found = reminders.list(patientId);
        audit.record("medication-reminder.list", "patient", patientId, patientId);
        return new ReminderList(found, 0, found.size(), found.size());
    }
}
