package org.afyadial.staff;

import jakarta.inject.Singleton;
import org.afyadial.ussd.ActionContext;
import org.afyadial.ussd.ActionResult;
import org.afyadial.ussd.UssdAction;

import java.util.Optional;

import static org.afyadial.staff.StaffPhones.ONE_TIME_PIN_GIVEN_FOR;
import static org.afyadial.staff.StaffPhones.PIN_GIVEN_FOR;

/**
 * A pharmacist on a basic phone ({@code ussd-menus/main.yaml}, {@code pharmacy.yaml}): recognised by the phone an
 * ADMIN registered, then the staff PIN, with the same lockout as patients' PINs on the same phone. Each action reads
 * the registration and the account anew: a removed phone or a disabled account answers {@code closed}.
 */
final class StaffUssdActions {

    private static final String CLOSED = "closed";

    private StaffUssdActions() {
    }

    /** On dialling, before the patients of the phone: {@code staff} (a pharmacist's phone), {@code no}, {@code locked}. */
    @Singleton
    static class StaffPhone implements UssdAction {
        private final StaffPhones phones;

        StaffPhone(StaffPhones phones) {
            this.phones = phones;
        }

        @Override
        public String name() {
            return "staffPhone";
        }

        @Override
        public ActionResult run(ActionContext context) {
            if (context.phoneLocked()) {
                return ActionResult.outcome("locked");
            }
            Optional<StaffOnPhone> staff = phones.onPhone(context.phone()).filter(s -> s.roles().contains(Role.PHARMACIST));
            if (staff.isEmpty()) {
                return ActionResult.outcome("no");
            }
            context.put(StaffPhones.STAFF_ID, staff.get().userId());
            context.put(StaffPhones.STAFF_GRANT, String.valueOf(staff.get().grantedAt()));
            if (staff.get().language() != null) {
                context.useLanguage(staff.get().language());
            }
            return ActionResult.outcome("staff");
        }
    }

    /** The staff PIN: {@code ok}, {@code change} (the one-time PIN: choose one), {@code wrong}, {@code locked}, {@code closed}. */
    @Singleton
    static class StaffPin implements UssdAction {
        private final StaffPhones phones;

        StaffPin(StaffPhones phones) {
            this.phones = phones;
        }

        @Override
        public String name() {
            return "staffPin";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            if (context.phoneLocked()) {
                return ActionResult.outcome("locked");
            }
            Optional<StaffOnPhone> staff = phones.recognised(context);
            if (staff.isEmpty()) {
                return ActionResult.outcome(CLOSED);
            }
            StaffPhones.PinCheck check = phones.checkPin(staff.get(), context.input());
            if (check == StaffPhones.PinCheck.WRONG) {
                return ActionResult.outcome(context.countWrongPin() ? "locked" : "wrong");
            }
            context.clearPhoneFailures();
            boolean oneTime = check == StaffPhones.PinCheck.ONE_TIME;
            context.put(oneTime ? ONE_TIME_PIN_GIVEN_FOR : PIN_GIVEN_FOR, staff.get().userId());
            return ActionResult.outcome(oneTime ? "change" : ActionResult.OK);
        }
    }

    /** The first typing of the pharmacist's own PIN: {@code ok}, {@code same} (the one-time PIN again), {@code closed}. */
    @Singleton
    static class ProposeStaffPin implements UssdAction {
        private final StaffPhones phones;

        ProposeStaffPin(StaffPhones phones) {
            this.phones = phones;
        }

        @Override
        public String name() {
            return "proposeStaffPin";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            return oneTimePinGiven(phones, context)
                    .map(staff -> ActionResult.outcome(phones.proposePin(staff, context.input()) ? ActionResult.OK : "same"))
                    .orElse(ActionResult.outcome(CLOSED));
        }
    }

    /** The second typing: {@code ok} (it is now the staff PIN), {@code mismatch}, {@code closed}. */
    @Singleton
    static class ConfirmStaffPin implements UssdAction {
        private final StaffPhones phones;

        ConfirmStaffPin(StaffPhones phones) {
            this.phones = phones;
        }

        @Override
        public String name() {
            return "confirmStaffPin";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            Optional<StaffOnPhone> staff = oneTimePinGiven(phones, context);
            if (staff.isEmpty()) {
                return ActionResult.outcome(CLOSED);
            }
            if (!phones.confirmPin(staff.get(), context.input())) {
                return ActionResult.outcome("mismatch");
            }
            context.remove(ONE_TIME_PIN_GIVEN_FOR);
            context.put(PIN_GIVEN_FOR, staff.get().userId());
            return ActionResult.ok();
        }
    }

    /** Keeps the language just chosen for the phone's next dials: {@code ok}, {@code closed}. */
    @Singleton
    static class SaveStaffLanguage implements UssdAction {
        private final StaffPhones phones;

        SaveStaffLanguage(StaffPhones phones) {
            this.phones = phones;
        }

        @Override
        public String name() {
            return "saveStaffLanguage";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            Optional<StaffOnPhone> staff = phones.signedIn(context, Role.PHARMACIST);
            staff.ifPresent(s -> phones.useLanguage(s, context.language()));
            return ActionResult.outcome(staff.isPresent() ? ActionResult.OK : CLOSED);
        }
    }

    private static Optional<StaffOnPhone> oneTimePinGiven(StaffPhones phones, ActionContext context) {
        return phones.recognised(context)
                .filter(staff -> context.value(ONE_TIME_PIN_GIVEN_FOR).filter(staff.userId()::equals).isPresent());
    }
}
