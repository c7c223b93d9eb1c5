package org.afyadial.staff;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Test accounts: makes sure a username exists, enabled, with the given roles, so that its tokens are accepted. */
@Singleton
public class StaffFixtures {

    /** A hash of a random password nobody knows: fixture accounts sign in with minted tokens only. */
    private static final String UNUSABLE_HASH = BCrypt.withDefaults().hashToString(4, UUID.randomUUID().toString().toCharArray());

    private final StaffUserRepository users;
    private final StaffPhones phones;
    private final Clock clock;

    StaffFixtures(StaffUserRepository users, StaffPhones phones, Clock clock) {
        this.users = users;
        this.phones = phones;
        this.clock = clock;
    }

    /** A pharmacist account with {@code phone} registered for USSD under the one-time PIN an ADMIN gives. */
    public void pharmacistOnPhone(String username, String phone, String oneTimePin) {
        ensureActive(username, List.of(Role.PHARMACIST));
        phones.register(idOf(username), phone, oneTimePin);
    }

    /** A pharmacist whose first dial is behind them: {@code pin} is the staff PIN they chose. */
    public void pharmacistWithOwnPin(String username, String phone, String pin) {
        pharmacistOnPhone(username, phone, "0000".equals(pin) ? "1111" : "0000");
        StaffOnPhone pharmacist = phones.onPhone(phone).orElseThrow();
        if (!phones.proposePin(pharmacist, pin) || !phones.confirmPin(pharmacist, pin)) {
            throw new IllegalStateException("the pharmacist's own PIN was refused");
        }
    }

    /** The id of an account made by {@link #ensureActive}. */
    public String idOf(String username) {
        return users.findByUsername(username.toLowerCase(Locale.ROOT)).orElseThrow().id();
    }

    public synchronized void ensureActive(String username, List<Role> roles) {
        String name = username.toLowerCase(Locale.ROOT);
        EnumSet<Role> wanted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        users.findByUsername(name).ifPresentOrElse(
                existing -> users.update(new StaffUser(existing.id(), name, existing.passwordHash(), wanted, true,
                        existing.createdAt(), existing.passwordChangedAt())),
                () -> users.save(new StaffUser(null, name, UNUSABLE_HASH, wanted, true, clock.instant(), clock.instant())));
    }
}
