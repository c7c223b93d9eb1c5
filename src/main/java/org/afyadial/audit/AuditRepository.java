package org.afyadial.audit;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.repository.GenericRepository;
import org.bson.conversions.Bson;

/** Append and read only: there is no update or delete on the audit log. */
@MongoRepository
interface AuditRepository extends GenericRepository<AuditEntry, String> {

    AuditEntry save(AuditEntry entry);

    Page<AuditEntry> findAll(Bson filter, Pageable pageable);
}
