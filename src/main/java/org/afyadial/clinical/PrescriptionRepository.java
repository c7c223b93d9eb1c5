package org.afyadial.clinical;

import com.mongodb.client.model.Filters;
import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.mongodb.repository.MongoQueryExecutor;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.PageableRepository;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

@MongoRepository
interface PrescriptionRepository extends PageableRepository<Prescription, String>, MongoQueryExecutor<Prescription> {

    Optional<Prescription> findByCode(String code);

    /** A filter of the driver's: a derived query would hand the instant to the driver in a form driver 5 refuses. */
    default List<Prescription> activeAfter(String patientId, Instant now) {
        return findAll(Filters.and(Filters.eq("patientId", patientId), Filters.gt("activeUntil", Date.from(now))));
    }

    Page<Prescription> findByPatientId(String patientId, Pageable pageable);
}
