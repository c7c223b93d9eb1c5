package org.afyadial.clinical;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import com.mongodb.client.model.Filters;
import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.mongodb.repository.MongoQueryExecutor;
import io.micronaut.data.repository.PageableRepository;

@MongoRepository
interface LabOrderRepository extends PageableRepository<LabOrder, String>, MongoQueryExecutor<LabOrder> {

    /** A filter of the driver's: a derived query would hand the status to the driver in a form driver 5 refuses. */
    default Page<LabOrder> inStatus(LabOrder.Status status, Pageable pageable) {
        return findAll(Filters.eq("status", status.name()), pageable);
    }

    Page<LabOrder> findByPatientId(String patientId, Pageable pageable);
}
