package org.afyadial.patients;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.repository.PageableRepository;

import java.util.List;
import java.util.Optional;

@MongoRepository
interface PatientRepository extends PageableRepository<Patient, String> {

    List<Patient> findByPhoneOrderByCreatedAt(String phone);

    Optional<Patient> findByIdentifier(String identifier);

    Page<Patient> findBySearchNameRegex(String pattern, Pageable pageable);
}
