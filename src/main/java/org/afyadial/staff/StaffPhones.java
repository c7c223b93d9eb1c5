package org.afyadial.staff;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.afyadial.audit.AuditTrail;
import org.afyadial.patients.Pins;
import org.afyadial.store.DuplicateKey;
import org.afyadial.store.Store;
import org.afyadial.system.PhoneNumbers;
import org.afyadial.ussd.ActionContext;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

import static org.afyadial.staff.UssdAccessDtos.UssdAccessView;

/**
 * Staff who work from a basic phone over USSD: the phone an ADMIN registered on their account and their staff PIN,
 * kept as bcrypt hashes. One document per account ({@code _id} the user id) whose {@code phone} is unique: a phone
 * serves one account. The ADMIN gives a one-time PIN; at the first dial the member of staff types it and chooses a
 * PIN of their own, twice. Every read goes to the store, so a removed phone or a disabled account stops access at
 * the next hop; a new registration ({@code grantedAt}) ends the USSD sessions opened under the previous one.
 */
@Singleton
public class StaffPhones {

    static final String COLLECTION = "staff_phones";
    static final String PHONE = "phone";
    private static final String PIN_HASH = "pinHash";
    private static final String ONE_TIME_PIN = "oneTimePin";
    private static final String PROPOSED_PIN_HASH = "proposedPinHash";
    private static final String GRANTED_AT = "grantedAt";
    private static final String LANGUAGE = "language";

    /** Session values: the account the phone was recognised as, under which registration, and the PIN given. */
    static final String STAFF_ID = "staffId";
    static final String STAFF_GRANT = "staffGrant";
    static final String PIN_GIVEN_FOR = "staffPinFor";
    static final String ONE_TIME_PIN_GIVEN_FOR = "staffOneTimePinFor";

    /** What a PIN typed on the phone opens. */
    enum PinCheck { RIGHT, ONE_TIME, WRONG }

    private final MongoCollection<Document> phones;
    private final StaffUserRepository users;
    private final StaffAccounts accounts;
    private final PhoneNumbers phoneNumbers;
    private final AuditTrail audit;
    private final Clock clock;

    StaffPhones(Store store, StaffUserRepository users, StaffAccounts accounts, PhoneNumbers phoneNumbers, AuditTrail audit, Clock clock) {
        this.phones = store.collection(COLLECTION);
        this.users = users;
        this.accounts = accounts;
        this.phoneNumbers = phoneNumbers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers (or replaces) the account's phone with a one-time PIN. A phone registered to another account is
     * refused by the unique index, not by a lookup that could race.
     */
    UssdAccessView register(String userId, String rawPhone, String oneTimePin) {
        StaffUser user = accounts.existing(userId);
        if (!user.roles().contains(Role.PHARMACIST)) {
            throw new StaffProblems.NotAPharmacist();
        }
        String phone = phoneNumbers.toE164(rawPhone).orElseThrow(() -> new IllegalArgumentException("phone validated by @ValidPhone"));
        Instant now = clock.instant();
        try {
            phones.replaceOne(Filters.eq("_id", userId), new Document("_id", userId)
                    .append(PHONE, phone)
                    .append(PIN_HASH, Pins.hash(oneTimePin))
                    .append(ONE_TIME_PIN, true)
                    .append(GRANTED_AT, Date.from(now)), new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (DuplicateKey.causedBy(e)) {
                throw new StaffProblems.PhoneTaken();
            }
            throw e;
        }
        audit.record("user.ussd-access", StaffAccounts.TARGET, userId, null);
        return new UssdAccessView(userId, phone, true, now);
    }

    void remove(String userId) {
        accounts.existing(userId);
        phones.deleteOne(Filters.eq("_id", userId));
        audit.record("user.ussd-access-removed", StaffAccounts.TARGET, userId, null);
    }

    /** The enabled account this phone (E.164) is registered to, as it is now. */
    public Optional<StaffOnPhone> onPhone(String phone) {
        Document access = phones.find(Filters.eq(PHONE, phone)).first();
        if (access == null) {
            return Optional.empty();
        }
        return users.findById(access.getString("_id")).filter(StaffUser::enabled)
                .map(user -> new StaffOnPhone(user.id(), user.username(), Set.copyOf(user.roles()), phone,
                        access.getDate(GRANTED_AT).getTime(), access.getString(LANGUAGE)));
    }

    /**
     * The member of staff with {@code role} who gave their own PIN in this USSD session, if the phone is still
     * registered to their enabled account under the same registration: what every staff action asks first.
     */
    public Optional<StaffOnPhone> signedIn(ActionContext context, Role role) {
        return recognised(context)
                .filter(staff -> staff.roles().contains(role))
                .filter(staff -> context.value(PIN_GIVEN_FOR).filter(staff.userId()::equals).isPresent());
    }

    /** The account the session recognised the phone as, if that still holds. */
    Optional<StaffOnPhone> recognised(ActionContext context) {
        Optional<String> userId = context.value(STAFF_ID);
        Optional<String> grant = context.value(STAFF_GRANT);
        if (userId.isEmpty() || grant.isEmpty()) {
            return Optional.empty();
        }
        return onPhone(context.phone())
                .filter(staff -> staff.userId().equals(userId.get()) && grant.get().equals(String.valueOf(staff.grantedAt())));
    }

    PinCheck checkPin(StaffOnPhone staff, String pin) {
        Document access = current(staff).orElse(null);
        if (access == null || !Pins.matches(pin, access.getString(PIN_HASH))) {
            return PinCheck.WRONG;
        }
        return access.getBoolean(ONE_TIME_PIN, false) ? PinCheck.ONE_TIME : PinCheck.RIGHT;
    }

    /** Keeps the first typing of a new PIN (hashed) until it is typed again; false for the one-time PIN itself. */
    boolean proposePin(StaffOnPhone staff, String pin) {
        if (checkPin(staff, pin) != PinCheck.WRONG) {
            return false;
        }
        phones.updateOne(registration(staff), Updates.set(PROPOSED_PIN_HASH, Pins.hash(pin)));
        return true;
    }

    /** The second typing: when it matches the first, it becomes the staff PIN (audited). */
    boolean confirmPin(StaffOnPhone staff, String pin) {
        String proposed = current(staff).map(a -> a.getString(PROPOSED_PIN_HASH)).orElse(null);
        if (proposed == null || !Pins.matches(pin, proposed)) {
            return false;
        }
        boolean changed = phones.updateOne(Filters.and(registration(staff), Filters.eq(PROPOSED_PIN_HASH, proposed)),
                Updates.combine(Updates.set(PIN_HASH, proposed), Updates.set(ONE_TIME_PIN, false),
                        Updates.unset(PROPOSED_PIN_HASH))).getModifiedCount() == 1;
        if (changed) {
            audit.recordAsStaffOn("USSD", staff.username(), staff.roleNames(), "user.ussd-pin", StaffAccounts.TARGET,
                    staff.userId(), null);
        }
        return changed;
    }

    void useLanguage(StaffOnPhone staff, String language) {
        phones.updateOne(registration(staff), Updates.set(LANGUAGE, language));
    }

    /** The registration {@code staff} was read under, if it still stands. */
    private Optional<Document> current(StaffOnPhone staff) {
        return Optional.ofNullable(phones.find(registration(staff)).first());
    }

    private static Bson registration(StaffOnPhone staff) {
        return Filters.and(Filters.eq("_id", staff.userId()), Filters.eq(PHONE, staff.phone()),
                Filters.eq(GRANTED_AT, new Date(staff.grantedAt())));
    }
}
