import io.micronaut.context.ApplicationContext;
import org.afyadial.doctors.DoctorDetails;
import org.afyadial.doctors.DoctorService;
import org.afyadial.doctors.Fee;
import org.afyadial.doctors.WeeklySchedule;
import org.afyadial.doctors.WorkingHours;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.PatientDetails;
import org.afyadial.patients.PatientService;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Seeds a running AfyaDial for bench/ussd.sh through its own services, on the store it uses:
 * {@code java -cp target/afyadial.jar bench/BenchSeed.java <mongodb uri> <doctors per service> <patients>}.
 * Two specialties (a patient books one, so the slots of both last a fast run); doctors consulting every day round
 * the clock in 5-minute slots, named short ("Dr B D7") so that ten fit on the first screen of the list; patients
 * on +2547100NNNNN (N = 1..patients) with PIN 1234.
 */
public class BenchSeed {

    public static void main(String[] args) {
        int doctorCount = Integer.parseInt(args[1]);
        int patientCount = Integer.parseInt(args[2]);
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "mongodb.uri", args[0], "mongodb.package-names", List.of("org.afyadial")))) {
            DoctorService doctors = context.getBean(DoctorService.class);
            WeeklySchedule everyDay = new WeeklySchedule(5, Arrays.stream(DayOfWeek.values())
                    .map(day -> new WorkingHours(day, LocalTime.MIDNIGHT, LocalTime.of(23, 55))).toList());
            for (String name : List.of("General Medicine", "Paediatrics")) {
                String specialty = doctors.createSpecialty(name).code();
                for (int i = 1; i <= doctorCount; i++) {
                    doctors.create(new DoctorDetails("B", "D" + i, specialty, null,
                            new Fee(new BigDecimal("1000.00"), "KES"), null, everyDay));
                }
            }
            PatientService patients = context.getBean(PatientService.class);
            for (int i = 1; i <= patientCount; i++) {
                patients.register(PatientDetails.minimal("Bench", "Patient" + i, "+2547100%05d".formatted(i), Language.en),
                        "1234", Channel.STAFF);
            }
        }
    }
}
