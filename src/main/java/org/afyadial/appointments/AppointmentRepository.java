package org.afyadial.appointments;

import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.mongodb.repository.MongoQueryExecutor;
import io.micronaut.data.repository.PageableRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@MongoRepository
interface AppointmentRepository extends PageableRepository<Appointment, String>, MongoQueryExecutor<Appointment> {

    Optional<Appointment> findByReference(String reference);

    List<Appointment> findByReferenceIn(Collection<String> references);

    List<Appointment> findByPatientIdInAndStatusInAndStartGreaterThanEqualsOrderByStart(
            Collection<String> patientIds, Collection<AppointmentStatus> statuses, Instant from);

    List<Appointment> findByStartGreaterThanEqualsAndStartLessThan(Instant from, Instant to);

    List<Appointment> findByUpdatedAtGreaterThanEquals(Instant from);
}
