package org.afyadial.doctors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A doctor as the REST API shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record DoctorView(String id, String firstName, String lastName, String specialty, String phone, Fee fee,
                  Availability availability, String username, WeeklySchedule schedule) {

    static DoctorView of(Doctor d) {
        return new DoctorView(d.id(), d.firstName(), d.lastName(), d.specialty(), d.phone(), d.fee(), d.availability(),
                d.username(), d.schedule());
    }
}
