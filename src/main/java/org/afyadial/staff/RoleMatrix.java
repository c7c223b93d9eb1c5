package org.afyadial.staff;

import io.micronaut.http.HttpMethod;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.micronaut.http.HttpMethod.DELETE;
import static io.micronaut.http.HttpMethod.GET;
import static io.micronaut.http.HttpMethod.POST;
import static io.micronaut.http.HttpMethod.PUT;
import static org.afyadial.staff.Role.ADMIN;
import static org.afyadial.staff.Role.DOCTOR;
import static org.afyadial.staff.Role.HEALTH_AUTHORITY;
import static org.afyadial.staff.Role.LAB;
import static org.afyadial.staff.Role.PHARMACIST;
import static org.afyadial.staff.Role.RECEPTIONIST;

/**
 * Who may call which endpoint of {@code /api/v1}: the one place the REST API's access rules are
 * written. An endpoint missing here is refused to everybody ({@link RoleMatrixRule} fails closed).
 * Ownership rules (a doctor confirms only their own appointments) are checked by the services.
 */
public final class RoleMatrix {

    /** One row: method and path pattern ({@code *} is one path segment) and the roles allowed. */
    public record Row(HttpMethod method, String pattern, Set<Role> roles) {

        boolean matches(HttpMethod requestMethod, String path) {
            if (requestMethod != method) {
                return false;
            }
            String[] want = pattern.split("/");
            String[] have = path.split("/");
            if (want.length != have.length) {
                return false;
            }
            for (int i = 0; i < want.length; i++) {
                if (!want[i].equals("*") && !want[i].equals(have[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    private static final Set<Role> CARE_TEAM = EnumSet.of(ADMIN, DOCTOR, RECEPTIONIST, PHARMACIST, LAB);
    private static final Set<Role> FRONT_DESK = EnumSet.of(ADMIN, DOCTOR, RECEPTIONIST);

    static final List<Row> ROWS = List.of(
            // staff accounts and audit (login and refresh are anonymous, see AuthController)
            row(POST, "/api/v1/auth/logout", EVERY_ROLE),
            row(GET, "/api/v1/users", EnumSet.of(ADMIN)),
            row(POST, "/api/v1/users", EnumSet.of(ADMIN)),
            row(GET, "/api/v1/users/*", EnumSet.of(ADMIN)),
            row(PUT, "/api/v1/users/*/roles", EnumSet.of(ADMIN)),
            row(POST, "/api/v1/users/*/disable", EnumSet.of(ADMIN)),
            row(POST, "/api/v1/users/*/enable", EnumSet.of(ADMIN)),
            row(POST, "/api/v1/users/*/password", EnumSet.of(ADMIN)),
            row(PUT, "/api/v1/users/*/ussd-access", EnumSet.of(ADMIN)),
            row(DELETE, "/api/v1/users/*/ussd-access", EnumSet.of(ADMIN)),
            row(GET, "/api/v1/audit", EnumSet.of(ADMIN)),

            // patients: the register is for the front desk; pharmacy and lab see a patient through their own work
            row(GET, "/api/v1/patients", FRONT_DESK),
            row(POST, "/api/v1/patients", EnumSet.of(ADMIN, RECEPTIONIST, DOCTOR)),
            row(GET, "/api/v1/patients/*", FRONT_DESK),
            row(PUT, "/api/v1/patients/*", EnumSet.of(ADMIN, RECEPTIONIST, DOCTOR)),
            row(POST, "/api/v1/patients/*/medication-reminders", EnumSet.of(DOCTOR, PHARMACIST)),
            row(GET, "/api/v1/patients/*/medication-reminders", CARE_TEAM),
            row(POST, "/api/v1/patients/*/pin-reset", EnumSet.of(ADMIN, RECEPTIONIST)),

            // doctors, specialties, schedules and slots
            row(GET, "/api/v1/specialties", EVERY_ROLE),
            row(POST, "/api/v1/specialties", EnumSet.of(ADMIN)),
            row(GET, "/api/v1/doctors", EVERY_ROLE),
            row(POST, "/api/v1/doctors", EnumSet.of(ADMIN)),
            row(GET, "/api/v1/doctors/*", EVERY_ROLE),
            row(PUT, "/api/v1/doctors/*", EnumSet.of(ADMIN)),
            row(PUT, "/api/v1/doctors/*/schedule", EnumSet.of(ADMIN, RECEPTIONIST)),
            row(GET, "/api/v1/doctors/*/exceptions", FRONT_DESK),
            row(POST, "/api/v1/doctors/*/exceptions", EnumSet.of(ADMIN, RECEPTIONIST, DOCTOR)),
            row(DELETE, "/api/v1/doctors/*/exceptions/*", EnumSet.of(ADMIN, RECEPTIONIST, DOCTOR)),
            row(PUT, "/api/v1/doctors/*/availability", FRONT_DESK),
            row(GET, "/api/v1/doctors/*/slots", FRONT_DESK),
            row(GET, "/api/v1/doctors/*/calendar", FRONT_DESK),
            row(GET, "/api/v1/slots", FRONT_DESK),

            // appointments
            row(GET, "/api/v1/appointments", FRONT_DESK),
            row(POST, "/api/v1/appointments", EnumSet.of(ADMIN, RECEPTIONIST)),
            row(GET, "/api/v1/appointments/*", FRONT_DESK),
            row(POST, "/api/v1/appointments/*/confirm", EnumSet.of(DOCTOR)),
            row(POST, "/api/v1/appointments/*/refuse", EnumSet.of(DOCTOR)),
            row(POST, "/api/v1/appointments/*/assign", EnumSet.of(ADMIN, RECEPTIONIST)),
            row(POST, "/api/v1/appointments/*/check-in", EnumSet.of(ADMIN, RECEPTIONIST)),
            row(POST, "/api/v1/appointments/*/complete", EnumSet.of(DOCTOR)),
            row(POST, "/api/v1/appointments/*/no-show", EnumSet.of(ADMIN, RECEPTIONIST, DOCTOR)),
            row(POST, "/api/v1/appointments/*/cancel", FRONT_DESK),
            row(POST, "/api/v1/appointments/*/reschedule", EnumSet.of(ADMIN, RECEPTIONIST)),
            row(GET, "/api/v1/stats/appointments", EnumSet.of(ADMIN, HEALTH_AUTHORITY)),

            // notifications and SMS operations
            row(POST, "/api/v1/notifications/sms", FRONT_DESK),
            row(GET, "/api/v1/notifications", FRONT_DESK),
            row(GET, "/api/v1/alerts", EnumSet.of(ADMIN)),
            row(POST, "/api/v1/alerts/sms-sending/resume", EnumSet.of(ADMIN)),

            // bills and payments
            row(POST, "/api/v1/bills", EnumSet.of(ADMIN, RECEPTIONIST)),
            row(GET, "/api/v1/bills", EnumSet.of(ADMIN, RECEPTIONIST)),
            row(GET, "/api/v1/bills/*", EnumSet.of(ADMIN, RECEPTIONIST)),
            row(POST, "/api/v1/bills/*/payments", EnumSet.of(ADMIN, RECEPTIONIST)),
            row(POST, "/api/v1/bills/*/void", EnumSet.of(ADMIN, RECEPTIONIST)),
            row(GET, "/api/v1/payments", EnumSet.of(ADMIN, RECEPTIONIST)),
            row(GET, "/api/v1/payments/reconciliation", EnumSet.of(ADMIN, RECEPTIONIST)),
            row(POST, "/api/v1/payments/*/match", EnumSet.of(ADMIN)),
            row(POST, "/api/v1/payments/*/refund", EnumSet.of(ADMIN)),

            // imports of existing records
            row(POST, "/api/v1/imports", EnumSet.of(ADMIN)),
            row(GET, "/api/v1/imports/*", EnumSet.of(ADMIN)),

            // clinical records and prescriptions: a pharmacist sees prescriptions, never the clinical record
            row(GET, "/api/v1/patients/*/clinical-profile", EnumSet.of(DOCTOR)),
            row(PUT, "/api/v1/patients/*/clinical-profile", EnumSet.of(DOCTOR)),
            row(POST, "/api/v1/prescriptions", EnumSet.of(DOCTOR)),
            row(GET, "/api/v1/prescriptions/verify/*", EnumSet.of(PHARMACIST)),
            row(GET, "/api/v1/prescriptions/*", EnumSet.of(DOCTOR, PHARMACIST)),
            row(POST, "/api/v1/prescriptions/*/dispense", EnumSet.of(PHARMACIST)),
            // consultations, lab and the history: a pharmacist never sees them, the lab only its orders and results
            row(POST, "/api/v1/consultations", EnumSet.of(DOCTOR)),
            row(GET, "/api/v1/consultations/*", EnumSet.of(DOCTOR)),
            row(GET, "/api/v1/patients/*/consultations", EnumSet.of(DOCTOR)),
            row(GET, "/api/v1/patients/*/history", EnumSet.of(DOCTOR)),
            row(POST, "/api/v1/lab-orders", EnumSet.of(DOCTOR)),
            row(GET, "/api/v1/lab-orders", EnumSet.of(DOCTOR, LAB)),
            row(GET, "/api/v1/lab-orders/*", EnumSet.of(DOCTOR, LAB)),
            row(POST, "/api/v1/lab-orders/*/results", EnumSet.of(LAB)),

            // anonymised statistics
            row(GET, "/api/v1/health-authority/statistics", EnumSet.of(ADMIN, HEALTH_AUTHORITY)),
            row(GET, "/api/v1/health-authority/statistics.csv", EnumSet.of(ADMIN, HEALTH_AUTHORITY)));

    private RoleMatrix() {
    }

    private static Row row(HttpMethod method, String pattern, Set<Role> roles) {
        return new Row(method, pattern, Set.copyOf(roles));
    }

    /** The row governing a request, if the endpoint is listed. */
    public static Optional<Row> rowFor(HttpMethod method, String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return ROWS.stream().filter(r -> r.matches(method, trimmed)).findFirst();
    }

    public static List<Row> rows() {
        return ROWS;
    }
}
