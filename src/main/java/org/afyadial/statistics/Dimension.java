package org.afyadial.statistics;

import org.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * What the health authority's tables can be grouped by, as store expressions on admissions (date {@code admittedAt})
 * and appointments (date {@code start}). Weeks start on Monday and are named by that day, months {@code 2024-01};
 * both in UTC. A dimension a source does not record is absent for it: appointments carry no condition, age or sex
 * (those live with the patient), admissions no specialty or channel; consultations, SMS and payments only their dates.
 */
enum Dimension {
    WEEK("week"), MONTH("month"), CONDITION("condition"), AGE_BAND("ageBand"), SEX("sex"), SPECIALTY("specialty"), CHANNEL("channel");

    private static final long DAY_MILLIS = 86_400_000L;

    private final String parameter;

    Dimension(String parameter) {
        this.parameter = parameter;
    }

    static Optional<Dimension> of(String parameter) {
        for (Dimension d : values()) {
            if (d.parameter.equalsIgnoreCase(parameter.trim())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    String parameter() {
        return parameter;
    }

    Optional<Object> onAdmissions() {
        return switch (this) {
            case WEEK -> Optional.of(weekOf("$admittedAt"));
            case MONTH -> Optional.of(monthOf("$admittedAt"));
            case CONDITION -> Optional.of("$condition");
            case AGE_BAND -> Optional.of(ageBand("$ageAtAdmission"));
            case SEX -> Optional.of("$sex");
            case SPECIALTY, CHANNEL -> Optional.empty();
        };
    }

    Optional<Object> onAppointments() {
        return switch (this) {
            case WEEK -> Optional.of(weekOf("$start"));
            case MONTH -> Optional.of(monthOf("$start"));
            case SPECIALTY -> Optional.of("$specialty");
            case CHANNEL -> Optional.of("$channel");
            case CONDITION, AGE_BAND, SEX -> Optional.empty();
        };
    }

    /** Consultations are counted by when they were recorded; age and sex live with the patient. */
    Optional<Object> onConsultations() {
        return byDate("$createdAt");
    }

    /** Messages are counted by when they were queued; they carry no patient dimension. */
    Optional<Object> onMessages() {
        return byDate("$createdAt");
    }

    /** Payments are counted by when the provider's word came. */
    Optional<Object> onPayments() {
        return byDate("$receivedAt");
    }

    private Optional<Object> byDate(String date) {
        return switch (this) {
            case WEEK -> Optional.of(weekOf(date));
            case MONTH -> Optional.of(monthOf(date));
            case CONDITION, AGE_BAND, SEX, SPECIALTY, CHANNEL -> Optional.empty();
        };
    }

    private static Document monthOf(String date) {
        return new Document("$dateToString", new Document("format", "%Y-%m").append("date", date));
    }

    /**
     * The Monday of the date's week, from the milliseconds since 1970-01-01, a Thursday (3 days after a Monday):
     * mongo-java-server's $dayOfWeek counts from Monday where MongoDB's counts from Sunday, and it has no $isoWeek.
     */
    private static Document weekOf(String date) {
        Document sinceMonday = new Document("$mod", List.of(new Document("$add", List.of(new Document("$toLong", date), 3 * DAY_MILLIS)), 7 * DAY_MILLIS));
        Document monday = new Document("$subtract", List.of(date, sinceMonday));
        return new Document("$dateToString", new Document("format", "%Y-%m-%d").append("date", monday));
    }

    /** 0-4, 5-14, 15-24, 25-44, 45-64, 65+, as nested conditions ($switch is not in the embedded store). */
    private static Object ageBand(String age) {
        Object band = "65+";
        int[] upper = {65, 45, 25, 15, 5};
        String[] names = {"45-64", "25-44", "15-24", "5-14", "0-4"};
        for (int i = 0; i < upper.length; i++) {
            band = new Document("$cond", List.of(new Document("$lt", List.of(age, upper[i])), names[i], band));
        }
        return band;
    }
}
