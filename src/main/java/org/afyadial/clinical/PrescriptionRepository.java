package org.afyadial.clinical;

import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@MongoRepository
interface PrescriptionRepository extends CrudRepository<Prescription, String> {

    Optional<Prescription> findByCode(String code);

    List<Prescription> findByPatientIdAndActiveUntilGreaterThan(String patientId, Instant now);
}
