package org.afyadial.sms;

import jakarta.inject.Singleton;
import org.afyadial.patients.Channel;
import org.afyadial.ussd.ActionContext;
import org.afyadial.ussd.ActionResult;
import org.afyadial.ussd.ListItem;
import org.afyadial.ussd.UssdAction;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Java side of the USSD Reminders menu (ussd-menus/reminders.yaml). */
final class ReminderMenuActions {

    private static final String PATIENT_ID = "patientId";
    private static final String MEDICATION = "medication";
    private static final DateTimeFormatter TYPED_TIME = DateTimeFormatter.ofPattern("HHmm");
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Map<String, String> PAUSED_WORD = Map.of("en", "paused", "fr", "suspendu", "sw", "imesitishwa");

    private ReminderMenuActions() {
    }

    private static String times(List<LocalTime> times) {
        return times.stream().map(SHOWN_TIME::format).collect(Collectors.joining(" "));
    }

    /** Appointment reminders on or off, as the menu set {@code appointmentReminders}. */
    @Singleton
    static class SetAppointmentReminders implements UssdAction {
        private final SmsPreferences preferences;

        SetAppointmentReminders(SmsPreferences preferences) {
            this.preferences = preferences;
        }

        @Override
        public String name() {
            return "setAppointmentReminders";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            String patientId = context.require(PATIENT_ID);
            boolean on = Boolean.parseBoolean(context.require("appointmentReminders"));
            preferences.setAppointmentReminders(patientId, on, Channel.USSD);
            return ActionResult.outcome(on ? "on" : "off");
        }
    }

    /** The patient's medication reminders: drug, dose, times, and whether paused. */
    @Singleton
    static class MedicationReminderList implements UssdAction {
        private final MedicationReminders reminders;

        MedicationReminderList(MedicationReminders reminders) {
            this.reminders = reminders;
        }

        @Override
        public String name() {
            return "medicationReminders";
        }

        @Override
        public ActionResult run(ActionContext context) {
            String paused = PAUSED_WORD.getOrDefault(context.language(), PAUSED_WORD.get("en"));
            return ActionResult.items(reminders.list(context.require(PATIENT_ID)).stream()
                    .map(r -> new ListItem(r.id(), r.drug() + " " + r.dose() + " " + times(r.timesOfDay())
                            + (r.status() == MedicationReminder.Status.PAUSED ? " (" + paused + ")" : "")))
                    .toList());
        }
    }

    /** Pauses or resumes the chosen reminder, as the menu set {@code medicationChange}. */
    @Singleton
    static class ChangeMedicationReminder implements UssdAction {
        private final MedicationReminders reminders;

        ChangeMedicationReminder(MedicationReminders reminders) {
            this.reminders = reminders;
        }

        @Override
        public String name() {
            return "changeMedicationReminder";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            String patientId = context.require(PATIENT_ID);
            if (context.require("medicationChange").equals("pause")) {
                reminders.pause(patientId, context.require(MEDICATION));
                return ActionResult.outcome("paused");
            }
            reminders.resume(patientId, context.require(MEDICATION));
            return ActionResult.outcome("resumed");
        }
    }

    /** New times of day for the chosen reminder, typed as {@code 0800 2000} (the menu checked the pattern). */
    @Singleton
    static class MoveMedicationTimes implements UssdAction {
        private final MedicationReminders reminders;

        MoveMedicationTimes(MedicationReminders reminders) {
            this.reminders = reminders;
        }

        @Override
        public String name() {
            return "moveMedicationTimes";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            List<LocalTime> times = Arrays.stream(context.require("medicationTimes").trim().split(" "))
                    .map(t -> LocalTime.parse(t, TYPED_TIME)).toList();
            MedicationReminder moved = reminders.moveTimes(context.require(PATIENT_ID), context.require(MEDICATION), times);
            context.put("medicationTimes", times(moved.timesOfDay()));
            return ActionResult.ok();
        }
    }
}
