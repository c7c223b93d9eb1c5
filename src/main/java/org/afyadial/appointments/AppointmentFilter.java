package org.afyadial.appointments;

import com.mongodb.client.model.Filters;
import io.micronaut.core.annotation.Nullable;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Which appointments a list shows; every criterion is optional, dates select by start in [from, to). */
public record AppointmentFilter(@Nullable String doctorId, @Nullable String patientId, @Nullable AppointmentStatus status,
                                @Nullable Instant from, @Nullable Instant to) {

    Bson toBson() {
        List<Bson> criteria = new ArrayList<>();
        if (doctorId != null) {
            criteria.add(Filters.eq("doctorId", doctorId));
        }
        if (patientId != null) {
            criteria.add(Filters.eq("patientId", patientId));
        }
        if (status != null) {
            criteria.add(Filters.eq("status", status.name()));
        }
        if (from != null) {
            criteria.add(Filters.gte("start", Date.from(from)));
        }
        if (to != null) {
            criteria.add(Filters.lt("start", Date.from(to)));
        }
        return criteria.isEmpty() ? Filters.empty() : Filters.and(criteria);
    }
}
