package org.afyadial.audit;

import com.mongodb.client.model.Filters;
import io.micronaut.core.annotation.Nullable;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** The filters of {@code GET /api/v1/audit}; each one left out matches every entry. */
record AuditQuery(@Nullable String actor, @Nullable String patientId, @Nullable Instant from, @Nullable Instant to) {

    Bson filter() {
        List<Bson> all = new ArrayList<>();
        if (actor != null) {
            all.add(Filters.eq("actor", actor));
        }
        if (patientId != null) {
            all.add(Filters.eq("patientId", patientId));
        }
        if (from != null) {
            all.add(Filters.gte("at", Date.from(from)));
        }
        if (to != null) {
            all.add(Filters.lt("at", Date.from(to)));
        }
        return all.isEmpty() ? Filters.empty() : Filters.and(all);
    }
}
