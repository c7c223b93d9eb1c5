package org.afyadial.staff;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.mongodb.repository.MongoQueryExecutor;
import io.micronaut.data.repository.GenericRepository;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * Staff accounts are never deleted (the audit log refers to them): they are disabled. Single fields are set with the
 * driver's updates: a derived update's parameter other than a string or a whole number reaches the driver as a
 * document wrapping the value, which driver 5 refuses to encode.
 */
@MongoRepository
interface StaffUserRepository extends GenericRepository<StaffUser, String>, MongoQueryExecutor<StaffUser> {

    StaffUser save(StaffUser user);

    StaffUser update(StaffUser user);

    Optional<StaffUser> findById(@Id String id);

    Optional<StaffUser> findByUsername(String username);

    Page<StaffUser> findAll(Pageable pageable);

    default long setEnabled(String id, boolean enabled) {
        return updateAll(byId(id), Updates.set("enabled", enabled));
    }

    default long setRoles(String id, Set<Role> roles) {
        return updateAll(byId(id), Updates.set("roles", roles.stream().map(Enum::name).toList()));
    }

    default long setPassword(String id, String passwordHash, Instant changedAt) {
        return updateAll(byId(id), Updates.combine(Updates.set("passwordHash", passwordHash),
                Updates.set("passwordChangedAt", Date.from(changedAt))));
    }

    private static Bson byId(String id) {
        return Filters.eq("_id", new ObjectId(id));
    }
}
