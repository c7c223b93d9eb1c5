package org.afyadial.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Anonymised counts for [from, to), grouped by one dimension: no identifier, no free text, every count k-anonymous
 * ({@link CountTable}). {@code admissionsByCondition} counts imported admissions by their condition,
 * {@code consultationsByDiagnosis} consultations by the ICD-10 chapter of their diagnosis ({@link Icd10Chapters});
 * {@code patients} counts the distinct patients admitted. A table is null when its records do not carry
 * the dimension (listed in {@code notGroupable}). A group's no-show rate (NO_SHOW over NO_SHOW, CHECKED_IN and
 * COMPLETED) is given only when the three counts it comes from are published; so is its SMS delivery rate (DELIVERED
 * over the messages that left: SENT, DELIVERED, FAILED, EXPIRED). SMS are counted by when they were queued, payments
 * (provider transactions, matched to a bill or not) by when the provider's word came.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record StatisticsReport(Instant from, Instant to, String groupBy, int kAnonymity, CountTable patients,
                        CountTable admissionsByCondition, CountTable consultationsByDiagnosis, CountTable appointmentsByStatus, List<Rate> noShowRates,
                        CountTable smsByStatus, List<Rate> smsDeliveryRates, CountTable paymentsByStatus,
                        List<String> notGroupable) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rate(String group, BigDecimal rate, boolean suppressed) {
    }
}
