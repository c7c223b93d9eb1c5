package org.afyadial.clinical;

import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.PageableRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@MongoRepository
interface PrescriptionRepository extends PageableRepository<Prescription, String> {

    Optional<Prescription> findByCode(String code);

    List<Prescription> findByPatientIdAndActiveUntilGreaterThan(String patientId, Instant now);

    Page<Prescription> findByPatientId(String patientId, Pageable pageable);
}
