package org.afyadial.clinical;

import jakarta.inject.Singleton;
import org.afyadial.staff.Role;
import org.afyadial.staff.StaffOnPhone;
import org.afyadial.staff.StaffPhones;
import org.afyadial.ussd.ActionContext;
import org.afyadial.ussd.ActionResult;
import org.afyadial.ussd.ListItem;
import org.afyadial.ussd.UssdAction;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The USSD pharmacy ({@code ussd-menus/pharmacy.yaml}): a pharmacist who gave their staff PIN finds a prescription
 * by its code, sees the patient's initials and year of birth and each alert found now against the current record,
 * and dispenses items. Every action first asks whether the phone's access still holds, and answers {@code closed}
 * (an empty list for {@code prescriptionItems}) when it does not.
 */
final class PharmacyMenuActions {

    /** Session values the menu reads and writes. */
    private static final String PRESCRIPTION = "prescription";
    private static final String ITEM = "item";
    /** The screens of the alerts: how many the pharmacist passed is the index of the alert to show. */
    private static final Set<String> ALERT_SCREENS = Set.of("pharmacy.contraindicated", "pharmacy.warning");
    private static final String CLOSED = "closed";
    /** Marks a dispensed item in the list; the list's prompt explains it. */
    private static final String DISPENSED_MARK = "*";

    private PharmacyMenuActions() {
    }

    /** What the pharmacy actions share: the signed-in pharmacist, and the prescription the session is on. */
    @Singleton
    static class Desk {
        private final StaffPhones phones;
        private final Prescriptions prescriptions;

        Desk(StaffPhones phones, Prescriptions prescriptions) {
            this.phones = phones;
            this.prescriptions = prescriptions;
        }

        Optional<StaffOnPhone> pharmacist(ActionContext context) {
            return phones.signedIn(context, Role.PHARMACIST);
        }

        /** The prescription with its alerts re-checked now; only once the pharmacist is known. */
        PrescriptionView current(ActionContext context) {
            return prescriptions.get(context.require(PRESCRIPTION));
        }

        /** Runs {@code then} for a signed-in pharmacist, else answers {@code closed}. */
        ActionResult asPharmacist(ActionContext context, Function<StaffOnPhone, ActionResult> then) {
            return pharmacist(context).map(then).orElse(ActionResult.outcome(CLOSED));
        }
    }

    private static Set<Integer> dispensed(PrescriptionView view) {
        return view.dispensed().stream().map(Dispensings.Dispensing::item).collect(Collectors.toSet());
    }

    private static String label(PrescriptionItem item) {
        return item.strength() == null ? item.drug() + " " + item.form() : item.drug() + " " + item.strength() + " " + item.form();
    }

    /** False when the item was already dispensed, by anyone, since the screen was read or long before. */
    private static boolean dispenseOnce(Prescriptions prescriptions, String prescriptionId, int item, StaffOnPhone pharmacist) {
        try {
            prescriptions.dispenseByPhone(prescriptionId, item, pharmacist);
            return true;
        } catch (Dispensings.AlreadyDispensed e) {
            return false;
        }
    }

    /** Gets the typed code: {@code ok}, {@code unknown}, {@code closed}. */
    @Singleton
    static class FindPrescription implements UssdAction {
        private final Desk desk;
        private final Prescriptions prescriptions;

        FindPrescription(Desk desk, Prescriptions prescriptions) {
            this.desk = desk;
            this.prescriptions = prescriptions;
        }

        @Override
        public String name() {
            return "findPrescription";
        }

        @Override
        public ActionResult run(ActionContext context) {
            return desk.asPharmacist(context, pharmacist -> {
                PrescriptionView view;
                try {
                    view = prescriptions.readByPhone(context.input(), pharmacist);
                } catch (Prescriptions.PrescriptionNotFound e) {
                    return ActionResult.outcome("unknown");
                }
                context.put(PRESCRIPTION, view.id());
                context.put("rxCode", view.code());
                context.put("rxPatient", view.patientInitials());
                context.put("rxBirthYear", view.patientBirthYear() == null ? "?" : view.patientBirthYear().toString());
                context.put("rxItemCount", String.valueOf(view.items().size()));
                context.put("alertCount", String.valueOf(view.currentAlerts().size()));
                return ActionResult.ok();
            });
        }
    }

    /**
     * The kind of the next alert found now, one a screen: {@code contraindicated}, {@code warning}, {@code done},
     * {@code closed}. The next is the one after those whose screens were passed, so that going back and on again
     * skips none.
     */
    @Singleton
    static class NextAlert implements UssdAction {
        private final Desk desk;

        NextAlert(Desk desk) {
            this.desk = desk;
        }

        @Override
        public String name() {
            return "nextAlert";
        }

        @Override
        public ActionResult run(ActionContext context) {
            return desk.asPharmacist(context, pharmacist -> {
                List<Alert> alerts = desk.current(context).currentAlerts();
                int index = context.passed(ALERT_SCREENS);
                return ActionResult.outcome(index >= alerts.size() ? "done" : alerts.get(index).severity().name().toLowerCase(Locale.ROOT));
            });
        }
    }

    /**
     * Fills the alert screen, entered forward or by going back, with the alert after those whose screens were
     * passed; lists nothing, the screen's only option is to continue.
     */
    @Singleton
    static class ShownAlert implements UssdAction {
        private final Desk desk;

        ShownAlert(Desk desk) {
            this.desk = desk;
        }

        @Override
        public String name() {
            return "shownAlert";
        }

        @Override
        public ActionResult run(ActionContext context) {
            if (desk.pharmacist(context).isPresent()) {
                List<Alert> alerts = desk.current(context).currentAlerts();
                int index = context.passed(ALERT_SCREENS);
                if (index < alerts.size()) {
                    context.put("alertNumber", String.valueOf(index + 1));
                    context.put("alertCount", String.valueOf(alerts.size()));
                    context.put("alertDrug", alerts.get(index).drug());
                    context.put("alertText", alerts.get(index).screen(context.language()));
                }
            }
            return ActionResult.items(List.of());
        }
    }

    /** Every item, those already dispensed marked; empty when the pharmacist's access no longer holds. */
    @Singleton
    static class PrescriptionItems implements UssdAction {
        private final Desk desk;

        PrescriptionItems(Desk desk) {
            this.desk = desk;
        }

        @Override
        public String name() {
            return "prescriptionItems";
        }

        @Override
        public ActionResult run(ActionContext context) {
            if (desk.pharmacist(context).isEmpty()) {
                return ActionResult.items(List.of());
            }
            PrescriptionView view = desk.current(context);
            Set<Integer> dispensed = dispensed(view);
            return ActionResult.items(IntStream.range(0, view.items().size())
                    .mapToObj(i -> new ListItem(String.valueOf(i),
                            (dispensed.contains(i) ? DISPENSED_MARK : "") + label(view.items().get(i))))
                    .toList());
        }
    }

    /** The chosen item for its screen: {@code open}, {@code dispensed} (already), {@code closed}. */
    @Singleton
    static class OpenItem implements UssdAction {
        private final Desk desk;

        OpenItem(Desk desk) {
            this.desk = desk;
        }

        @Override
        public String name() {
            return "openItem";
        }

        @Override
        public ActionResult run(ActionContext context) {
            return desk.asPharmacist(context, pharmacist -> {
                PrescriptionView view = desk.current(context);
                int index = Integer.parseInt(context.require(ITEM));
                PrescriptionItem item = view.items().get(index);
                context.put("itemLabel", label(item));
                context.put("itemDose", item.dose());
                context.put("itemTimes", String.valueOf(item.timesPerDay()));
                context.put("itemDays", String.valueOf(item.days()));
                context.put("itemRoute", item.route());
                return ActionResult.outcome(dispensed(view).contains(index) ? "dispensed" : "open");
            });
        }
    }

    /** Dispenses the chosen item once: {@code ok}, {@code already} (by anyone, at any time), {@code closed}. */
    @Singleton
    static class DispenseItem implements UssdAction {
        private final Desk desk;
        private final Prescriptions prescriptions;

        DispenseItem(Desk desk, Prescriptions prescriptions) {
            this.desk = desk;
            this.prescriptions = prescriptions;
        }

        @Override
        public String name() {
            return "dispenseItem";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            return desk.asPharmacist(context, pharmacist -> ActionResult.outcome(dispenseOnce(prescriptions,
                    context.require(PRESCRIPTION), Integer.parseInt(context.require(ITEM)), pharmacist) ? ActionResult.OK : "already"));
        }
    }

    /** Dispenses every item not dispensed yet: {@code ok} (with {@code dispensedCount}), {@code none}, {@code closed}. */
    @Singleton
    static class DispenseRemaining implements UssdAction {
        private final Desk desk;
        private final Prescriptions prescriptions;

        DispenseRemaining(Desk desk, Prescriptions prescriptions) {
            this.desk = desk;
            this.prescriptions = prescriptions;
        }

        @Override
        public String name() {
            return "dispenseRemaining";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            return desk.asPharmacist(context, pharmacist -> {
                PrescriptionView view = desk.current(context);
                Set<Integer> dispensed = dispensed(view);
                long count = IntStream.range(0, view.items().size()).filter(i -> !dispensed.contains(i))
                        .filter(i -> dispenseOnce(prescriptions, view.id(), i, pharmacist)).count();
                context.put("dispensedCount", String.valueOf(count));
                return ActionResult.outcome(count == 0 ? "none" : ActionResult.OK);
            });
        }
    }
}
