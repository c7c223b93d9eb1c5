package org.afyadial.staff;

import org.afyadial.system.PageOf;
import io.micronaut.data.model.Sort;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import com.mongodb.client.model.Filters;
import org.afyadial.audit.AuditTrail;
import org.afyadial.store.Store;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.afyadial.staff.UserDtos.NewUser;
import static org.afyadial.staff.UserDtos.UserView;

/** Administration of staff accounts; every change is appended to the audit log. */
@Singleton
class StaffAccounts {

    static final String TARGET = "staff_user";

    private final StaffUserRepository users;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final Store store;
    private final RefreshTokens refreshTokens;
    private final ActiveStaffTokens activeTokens;
    private final AuditTrail audit;
    private final SecurityService security;
    private final Clock clock;

    StaffAccounts(StaffUserRepository users, Passwords passwords, PasswordPolicy policy, Store store,
                  RefreshTokens refreshTokens, ActiveStaffTokens activeTokens, AuditTrail audit,
                  SecurityService security, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.store = store;
        this.refreshTokens = refreshTokens;
        this.activeTokens = activeTokens;
        this.audit = audit;
        this.security = security;
        this.clock = clock;
    }

    /** A taken username is refused by the unique index (409), not by a lookup that could race. */
    UserView create(NewUser request) {
        policy.check(request.username(), request.password());
        Instant now = clock.instant();
        StaffUser user = users.save(new StaffUser(null, request.username(), passwords.hash(request.password()),
                EnumSet.copyOf(request.roles()), true, now, now));
        activeTokens.forget(user.username());
        audit.record("user.create", TARGET, user.id(), null);
        return UserView.of(user);
    }

    PageOf<UserView> list(int page, int size) {
        var found = users.findAll(PageOf.request(page, size, Sort.of(Sort.Order.asc("username"))));
        return PageOf.of(found, UserView::of);
    }

    UserView get(String id) {
        return UserView.of(existing(id));
    }

    /** Takes effect at the user's next token (login or refresh); tokens already issued keep their roles until they expire. */
    UserView changeRoles(String id, Set<Role> roles) {
        StaffUser user = existing(id);
        users.setRoles(id, roles);
        keepAnAdministrator(() -> users.setRoles(id, user.roles()));
        audit.record("user.roles", TARGET, id, null);
        return get(id);
    }

    UserView disable(String id) {
        StaffUser user = existing(id);
        if (security.username().filter(user.username()::equals).isPresent()) {
            throw new StaffProblems.SelfDisable();
        }
        users.setEnabled(id, false);
        keepAnAdministrator(() -> users.setEnabled(id, user.enabled()));
        activeTokens.forget(user.username());
        refreshTokens.revokeAll(user.username());
        audit.record("user.disable", TARGET, id, null);
        return get(id);
    }

    UserView enable(String id) {
        StaffUser user = existing(id);
        users.setEnabled(id, true);
        activeTokens.forget(user.username());
        audit.record("user.enable", TARGET, id, null);
        return get(id);
    }

    /** The user signs in again everywhere: their access tokens stop working and their refresh tokens are revoked. */
    UserView resetPassword(String id, String password) {
        StaffUser user = existing(id);
        policy.check(user.username(), password);
        users.setPassword(id, passwords.hash(password), clock.instant());
        activeTokens.forget(user.username());
        refreshTokens.revokeAll(user.username());
        audit.record("user.password-reset", TARGET, id, null);
        return get(id);
    }

    /**
     * Undoes a change that left no enabled administrator. Checked after the write rather than before:
     * two administrators demoting each other at once both see none left and both are undone, where a
     * check first would let both pass.
     */
    private void keepAnAdministrator(Runnable undo) {
        long administrators = store.collection(StaffUser.COLLECTION)
                .countDocuments(Filters.and(Filters.eq("enabled", true), Filters.eq("roles", Role.ADMIN.name())));
        if (administrators == 0) {
            undo.run();
            throw new StaffProblems.LastAdministrator();
        }
    }

    StaffUser existing(String id) {
        return Optional.of(id).filter(ObjectId::isValid).flatMap(users::findById)
                .orElseThrow(() -> new StaffProblems.UserNotFound(id));
    }
}
