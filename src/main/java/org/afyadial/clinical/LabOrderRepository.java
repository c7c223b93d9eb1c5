package org.afyadial.clinical;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.repository.PageableRepository;

@MongoRepository
interface LabOrderRepository extends PageableRepository<LabOrder, String> {

    Page<LabOrder> findByStatus(LabOrder.Status status, Pageable pageable);

    Page<LabOrder> findByPatientId(String patientId, Pageable pageable);
}
