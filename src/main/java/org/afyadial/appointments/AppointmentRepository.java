package org.afyadial.appointments;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.mongodb.operations.options.MongoFindOptions;
import io.micronaut.data.mongodb.repository.MongoQueryExecutor;
import io.micronaut.data.repository.PageableRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Queries on a status or an instant are written with the driver's filters: a derived query's parameter other than a
 * string or a whole number reaches the driver as a document wrapping the value, which driver 5 refuses to encode.
 */
@MongoRepository
interface AppointmentRepository extends PageableRepository<Appointment, String>, MongoQueryExecutor<Appointment> {

    Optional<Appointment> findByReference(String reference);

    List<Appointment> findByReferenceIn(Collection<String> references);

    /** The patients' appointments in one of these statuses starting at or after {@code from}, soonest first. */
    default List<Appointment> startingFrom(Collection<String> patientIds, Collection<AppointmentStatus> statuses, Instant from) {
        return findAll(new MongoFindOptions()
                .filter(Filters.and(Filters.in("patientId", patientIds),
                        Filters.in("status", statuses.stream().map(Enum::name).toList()), Filters.gte("start", Date.from(from))))
                .sort(Sorts.ascending("start")));
    }

    default List<Appointment> startingBetween(Instant from, Instant to) {
        return findAll(Filters.and(Filters.gte("start", Date.from(from)), Filters.lt("start", Date.from(to))));
    }

    default List<Appointment> updatedSince(Instant from) {
        return findAll(Filters.gte("updatedAt", Date.from(from)));
    }
}
