package org.afyadial.doctors;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The span of a calendar around a date: the day, its Monday-to-Sunday week, or its month. */
enum CalendarView {
    day, week, month;

    LocalDate firstDay(LocalDate date) {
        return switch (this) {
            case day -> date;
            case week -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case month -> date.withDayOfMonth(1);
        };
    }

    LocalDate lastDay(LocalDate date) {
        return switch (this) {
            case day -> date;
            case week -> firstDay(date).plusDays(6);
            case month -> date.with(TemporalAdjusters.lastDayOfMonth());
        };
    }
}
