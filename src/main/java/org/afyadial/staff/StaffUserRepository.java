package org.afyadial.staff;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Staff accounts are never deleted (the audit log refers to them): they are disabled. */
@MongoRepository
interface StaffUserRepository extends GenericRepository<StaffUser, String> {

    StaffUser save(StaffUser user);

    StaffUser update(StaffUser user);

    Optional<StaffUser> findById(@Id String id);

    Optional<StaffUser> findByUsername(String username);

    Page<StaffUser> findAll(Pageable pageable);

    long update(@Id String id, boolean enabled);

    long update(@Id String id, Set<Role> roles);

    long update(@Id String id, String passwordHash, Instant passwordChangedAt);
}
