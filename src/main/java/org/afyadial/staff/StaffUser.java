package org.afyadial.staff;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Set;

/** A member of staff who signs in to the REST API. {@code username} is unique and lower case. */
@Serdeable
@MappedEntity(StaffUser.COLLECTION)
record StaffUser(
        @Id @GeneratedValue String id,
        String username,
        String passwordHash,
        Set<Role> roles,
        boolean enabled,
        Instant createdAt,
        Instant passwordChangedAt) {

    static final String COLLECTION = "staff_users";

    /** Changes with every new password: tokens carry the one they were issued under (see ActiveStaffTokens). */
    long passwordVersion() {
        return passwordChangedAt == null ? 0 : passwordChangedAt.toEpochMilli();
    }
}
