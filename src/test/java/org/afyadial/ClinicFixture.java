package org.afyadial;

import jakarta.inject.Singleton;
import org.afyadial.doctors.Doctor;
import org.afyadial.doctors.DoctorDetails;
import org.afyadial.doctors.DoctorService;
import org.afyadial.doctors.Fee;
import org.afyadial.doctors.WeeklySchedule;
import org.afyadial.doctors.WorkingHours;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientDetails;
import org.afyadial.patients.PatientService;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/** Builds a small clinic through the public services: specialties, doctors working weekdays 08:00-12:00, patients. */
@Singleton
public class ClinicFixture {

    /** The PIN of every patient {@link #patient} registers. */
    public static final String PIN = "2468";

    public static final WeeklySchedule WEEKDAY_MORNINGS = new WeeklySchedule(30, Arrays.stream(DayOfWeek.values())
            .filter(d -> d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY)
            .map(d -> new WorkingHours(d, LocalTime.of(8, 0), LocalTime.of(12, 0)))
            .toList());

    private final DoctorService doctors;
    private final PatientService patients;

    ClinicFixture(DoctorService doctors, PatientService patients) {
        this.doctors = doctors;
        this.patients = patients;
    }

    public String specialty(String name) {
        return doctors.specialties().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseGet(() -> doctors.createSpecialty(name)).code();
    }

    public Doctor doctor(String lastName, String specialtyName, String username) {
        return doctors.create(new DoctorDetails("Amina", lastName, specialty(specialtyName), "+254700000001",
                new Fee(new BigDecimal("1500.00"), "KES"), username, WEEKDAY_MORNINGS));
    }

    /** A patient with the PIN {@value #PIN}, as USSD registration or a first dial leaves them. */
    public Patient patient(String firstName, String phone) {
        return patients.register(new PatientDetails(firstName, "Otieno", phone, 1990, null, Language.en,
                List.of(), List.of(), null, null, true), PIN, Channel.STAFF);
    }
}
