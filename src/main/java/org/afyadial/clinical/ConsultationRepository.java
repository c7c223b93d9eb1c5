package org.afyadial.clinical;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.repository.PageableRepository;

@MongoRepository
interface ConsultationRepository extends PageableRepository<Consultation, String> {

    Page<Consultation> findByPatientId(String patientId, Pageable pageable);
}
