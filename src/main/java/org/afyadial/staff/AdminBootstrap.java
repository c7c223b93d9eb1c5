package org.afyadial.staff;

import org.afyadial.store.DuplicateKey;
import com.mongodb.client.model.Filters;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.afyadial.audit.AuditTrail;
import org.afyadial.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code AFYADIAL_ADMIN_PASSWORD} gives a new installation its first administrator, {@code admin},
 * when no enabled ADMIN exists; an existing but disabled {@code admin} is re-enabled with that
 * password (how a clinic that locked itself out gets back in). Runs at every start and does
 * nothing once an enabled ADMIN exists. Two instances starting together are kept to one
 * {@code admin} by the unique username index.
 */
@Singleton
@Requires(property = AdminBootstrap.PASSWORD_PROPERTY, pattern = ".+")
class AdminBootstrap implements ApplicationEventListener<StartupEvent> {

    static final String PASSWORD_PROPERTY = "afyadial.admin-password";
    static final String USERNAME = "admin";
    private static final int MIN_PASSWORD_LENGTH = 10;
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final StaffUserRepository users;
    private final Store store;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final String password;

    AdminBootstrap(StaffUserRepository users, Store store, Passwords passwords, AuditTrail audit, Clock clock,
                   @Property(name = PASSWORD_PROPERTY) String password) {
        this.users = users;
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.password = password;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (enabledAdminExists()) {
            return;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("AFYADIAL_ADMIN_PASSWORD must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        Instant now = clock.instant();
        String hash = passwords.hash(password);
        StaffUser admin = users.findByUsername(USERNAME)
                .map(existing -> users.update(new StaffUser(existing.id(), USERNAME, hash, withAdmin(existing), true,
                        existing.createdAt(), now)))
                .orElseGet(() -> create(hash, now));
        if (admin != null) {
            audit.recordAsStaff("system", List.of(), "user.bootstrap-admin", StaffAccounts.TARGET, admin.id(), null);
            LOG.info("Staff user '{}' with role ADMIN is ready, with the password from AFYADIAL_ADMIN_PASSWORD", USERNAME);
        }
    }

    private boolean enabledAdminExists() {
        return store.collection(StaffUser.COLLECTION)
                .countDocuments(Filters.and(Filters.eq("enabled", true), Filters.eq("roles", Role.ADMIN.name()))) > 0;
    }

    private static EnumSet<Role> withAdmin(StaffUser existing) {
        EnumSet<Role> roles = EnumSet.of(Role.ADMIN);
        roles.addAll(existing.roles());
        return roles;
    }

    /** Null when another instance created it first. */
    private StaffUser create(String hash, Instant now) {
        try {
            return users.save(new StaffUser(null, USERNAME, hash, EnumSet.of(Role.ADMIN), true, now, now));
        } catch (RuntimeException e) {
            if (DuplicateKey.causedBy(e)) {
                return null;
            }
            throw e;
        }
    }
}
