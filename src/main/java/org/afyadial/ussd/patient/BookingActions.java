package org.afyadial.ussd.patient;

import jakarta.inject.Singleton;
import org.afyadial.appointments.Appointment;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.appointments.AppointmentSettings;
import org.afyadial.appointments.CancellationWindowClosed;
import org.afyadial.appointments.NoFreeSlot;
import org.afyadial.appointments.SlotNotOffered;
import org.afyadial.doctors.DoctorService;
import org.afyadial.doctors.FreeSlotFinder;
import org.afyadial.doctors.Slot;
import org.afyadial.doctors.SlotTaken;
import org.afyadial.patients.Channel;
import org.afyadial.ussd.ActionContext;
import org.afyadial.ussd.ActionResult;
import org.afyadial.ussd.ListItem;
import org.afyadial.ussd.UssdAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Booking: specialties, doctors, free days and times, and the booking itself (or the move of an appointment
 * when {@code rescheduling} names one). An empty {@code doctor} means any available doctor of the specialty.
 */
final class BookingActions {

    private static final Logger LOG = LoggerFactory.getLogger(BookingActions.class);
    /** "The next 14 days": today and the 13 days after it. */
    private static final int DAYS_AHEAD = 13;
    /**
     * How long a doctor's list of free days is reused: it lays out two weeks of slots, but the claims come from
     * memory, so a second keeps busy days from being offered after they filled up for long.
     */
    private static final Duration DAYS_LIFETIME = Duration.ofSeconds(1);

    private BookingActions() {
    }

    private static String doctor(ActionContext context) {
        return context.value("doctor").orElse("");
    }

    @Singleton
    static class ListSpecialties implements UssdAction {
        private final DoctorService doctors;

        ListSpecialties(DoctorService doctors) {
            this.doctors = doctors;
        }

        @Override
        public String name() {
            return "listSpecialties";
        }

        @Override
        public ActionResult run(ActionContext context) {
            return ActionResult.items(doctors.specialties().stream().map(s -> new ListItem(s.code(), s.name())).toList());
        }
    }

    @Singleton
    static class ListDoctors implements UssdAction {
        private final DoctorService doctors;

        ListDoctors(DoctorService doctors) {
            this.doctors = doctors;
        }

        @Override
        public String name() {
            return "listDoctors";
        }

        @Override
        public ActionResult run(ActionContext context) {
            return ActionResult.items(doctors.bySpecialty(context.require("specialty")).stream()
                    .map(d -> new ListItem(d.id(), d.displayName())).toList());
        }
    }

    @Singleton
    static class FreeDays implements UssdAction {
        private final FreeSlotFinder slots;
        private final Labels labels;
        /** By doctor id, or by specialty code for any doctor of it. */
        private final BriefCache<String, List<LocalDate>> cache = new BriefCache<>(DAYS_LIFETIME);

        FreeDays(FreeSlotFinder slots, Labels labels) {
            this.slots = slots;
            this.labels = labels;
        }

        @Override
        public String name() {
            return "freeDays";
        }

        @Override
        public ActionResult run(ActionContext context) {
            String doctor = doctor(context);
            List<LocalDate> days = doctor.isEmpty()
                    ? cache.get("any:" + context.require("specialty"), key -> slots.daysWithFreeSlots(context.require("specialty"), DAYS_AHEAD))
                    : cache.get(doctor, key -> slots.daysWithFreeSlotsForDoctor(doctor, DAYS_AHEAD));
            return ActionResult.items(days.stream()
                    .map(d -> new ListItem(d.toString(), labels.day(d, context.language()))).toList());
        }
    }

    /** Free start times of the day; with any doctor, a time is listed once however many doctors are free then. */
    @Singleton
    static class FreeSlots implements UssdAction {
        private final FreeSlotFinder slots;
        private final Labels labels;

        FreeSlots(FreeSlotFinder slots, Labels labels) {
            this.slots = slots;
            this.labels = labels;
        }

        @Override
        public String name() {
            return "freeSlots";
        }

        @Override
        public ActionResult run(ActionContext context) {
            LocalDate day = LocalDate.parse(context.require("day"));
            String doctor = doctor(context);
            List<Slot> free = doctor.isEmpty()
                    ? slots.freeSlotsForSpecialtyOn(context.require("specialty"), day)
                    : slots.freeSlotsOn(doctor, day);
            return ActionResult.items(free.stream().map(Slot::start).distinct().limit(ActionResult.MAX_ITEMS)
                    .map(start -> new ListItem(start.toString(), labels.time(start))).toList());
        }
    }

    @Singleton
    static class Book implements UssdAction {
        private final AppointmentService appointments;
        private final DoctorService doctors;
        private final AppointmentSettings settings;

        Book(AppointmentService appointments, DoctorService doctors, AppointmentSettings settings) {
            this.appointments = appointments;
            this.doctors = doctors;
            this.settings = settings;
        }

        @Override
        public String name() {
            return "book";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            String patientId = context.require(PatientActions.PATIENT_ID);
            Instant start = Instant.parse(context.require("slot"));
            String rescheduling = context.value("rescheduling").orElse("");
            String doctor = doctor(context);
            Appointment booked;
            try {
                if (!rescheduling.isEmpty()) {
                    booked = appointments.rescheduleByPatient(rescheduling, patientId, start, Channel.USSD);
                } else if (doctor.isEmpty()) {
                    booked = appointments.bookAnyAvailable(patientId, context.require("specialty"), start, null, Channel.USSD);
                } else {
                    booked = appointments.book(patientId, doctor, start, null, Channel.USSD);
                }
            } catch (SlotTaken | NoFreeSlot | SlotNotOffered e) {
                LOG.info("USSD booking of {} in session {} refused: {}", start, context.sessionId(), e.getMessage());
                return ActionResult.outcome("taken");
            } catch (CancellationWindowClosed e) {
                context.put("windowHours", String.valueOf(settings.cancellationWindowHours()));
                return ActionResult.outcome("window");
            }
            context.put("reference", booked.reference());
            context.put("doctorName", doctors.get(booked.doctorId()).displayName());
            context.put("rescheduling", "");
            return ActionResult.ok();
        }
    }

    /** The specialty a triage answer suggests, if the clinic has it. */
    @Singleton
    static class SuggestSpecialty implements UssdAction {
        private final DoctorService doctors;

        SuggestSpecialty(DoctorService doctors) {
            this.doctors = doctors;
        }

        @Override
        public String name() {
            return "suggestSpecialty";
        }

        @Override
        public ActionResult run(ActionContext context) {
            return doctors.findSpecialty(context.require("specialty"))
                    .map(s -> {
                        context.put("specialtyLabel", s.name());
                        return ActionResult.ok();
                    })
                    .orElse(ActionResult.outcome("unknown"));
        }
    }
}
