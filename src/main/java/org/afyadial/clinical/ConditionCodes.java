package org.afyadial.clinical;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;
import java.util.Optional;

/** The coded list of chronic conditions ({@code clinical/conditions.yaml}); {@code kidney} ones carry a CKD stage or eGFR. */
final class ConditionCodes {

    @Serdeable
    record Condition(String code, String name, String icd10, boolean kidney) {
    }

    private final Map<String, Condition> byCode;

    ConditionCodes(Map<String, Condition> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    Optional<Condition> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    boolean knows(String code) {
        return byCode.containsKey(code);
    }
}
