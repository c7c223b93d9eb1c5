package org.afyadial.sms;

import jakarta.inject.Singleton;
import org.afyadial.appointments.Appointment;
import org.afyadial.doctors.DoctorService;
import org.afyadial.system.ClinicSettings;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The {date}, {time} and {doctor} of an appointment as an SMS shows them: clinic time, short and unambiguous. */
@Singleton
class AppointmentTexts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final DoctorService doctors;
    private final ClinicSettings clinic;

    AppointmentTexts(DoctorService doctors, ClinicSettings clinic) {
        this.doctors = doctors;
        this.clinic = clinic;
    }

    Map<String, String> when(Appointment appointment) {
        ZonedDateTime start = appointment.start().atZone(clinic.timezone());
        String doctor = doctors.find(appointment.doctorId()).map(d -> "Dr " + d.lastName()).orElse("your doctor");
        return Map.of("date", DATE.format(start), "time", TIME.format(start), "doctor", doctor);
    }
}
