package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Map;

/**
 * A chronic condition of the coded list ({@code clinical/conditions.yaml}). Chronic kidney disease carries its
 * stage (KDIGO 1, 2, 3a, 3b, 4, 5) or its eGFR; the safety rules read the eGFR, or the highest eGFR of the stage.
 */
@Serdeable
public record ChronicCondition(
        @NotBlank @Size(max = 40) String code,
        @Nullable @Pattern(regexp = "1|2|3|3a|3b|4|5", message = "must be a CKD stage: 1, 2, 3a, 3b, 4 or 5") String ckdStage,
        @Nullable @Min(1) @Max(200) Integer egfr,
        @Nullable LocalDate since,
        @Nullable @Size(max = 200) String note) {

    private static final Map<String, Integer> HIGHEST_EGFR_OF_STAGE =
            Map.of("1", 200, "2", 89, "3", 59, "3a", 59, "3b", 44, "4", 29, "5", 14);

    /** The eGFR (ml/min/1.73m2) when it or the stage is known. */
    @Nullable
    Integer kidneyFunction() {
        return egfr != null ? egfr : ckdStage == null ? null : HIGHEST_EGFR_OF_STAGE.get(ckdStage);
    }
}
