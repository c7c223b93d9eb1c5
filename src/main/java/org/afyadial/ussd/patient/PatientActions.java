package org.afyadial.ussd.patient;

import jakarta.inject.Singleton;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientDetails;
import org.afyadial.patients.PatientService;
import org.afyadial.patients.Sex;
import org.afyadial.ussd.ActionContext;
import org.afyadial.ussd.ActionResult;
import org.afyadial.ussd.ListItem;
import org.afyadial.ussd.UssdAction;

import java.util.List;

/**
 * Who is calling, registration, the PIN, and the patient's own settings. Values they leave in the session:
 * {@code patientId}, {@code patientIdentifier}, {@code firstName}, and {@code newPinHash} while a new PIN waits to be
 * typed a second time; the PIN's proof is kept by the engine ({@link org.afyadial.ussd.ActionContext#pinVerified}).
 */
final class PatientActions {

    static final String PATIENT_ID = "patientId";
    private static final String NEW_PIN_HASH = "newPinHash";
    private static final String NEW_PIN_DUE = "newPin";
    private static final String FIRST_PIN_DUE = "firstPin";
    private static final String PIN_MISMATCH = "mismatch";

    private PatientActions() {
    }

    private static void select(ActionContext context, Patient patient) {
        context.put(PATIENT_ID, patient.id());
        context.put("patientIdentifier", patient.identifier());
        context.put("firstName", patient.firstName());
        if (patient.language() != null) {
            context.useLanguage(patient.language().name());
        }
    }

    /**
     * The PIN a patient must choose before anything else: a new one after reception reset it, a first one when staff
     * registered the patient without one; {@code null} when the patient has a PIN.
     */
    private static String pinToChoose(Patient patient) {
        return patient.newPinDue() ? NEW_PIN_DUE : patient.hasPin() ? null : FIRST_PIN_DUE;
    }

    /** On dialling: locked, new, one patient on this phone, or several (a family). */
    @Singleton
    static class Identify implements UssdAction {
        private final PatientService patients;

        Identify(PatientService patients) {
            this.patients = patients;
        }

        @Override
        public String name() {
            return "identify";
        }

        @Override
        public ActionResult run(ActionContext context) {
            if (context.phoneLocked()) {
                return ActionResult.outcome("locked");
            }
            List<Patient> registered = patients.findByPhone(context.phone());
            if (registered.size() == 1) {
                select(context, registered.getFirst());
                String pinToChoose = pinToChoose(registered.getFirst());
                if (pinToChoose != null) {
                    return ActionResult.outcome(pinToChoose);
                }
            } else if (!registered.isEmpty() && registered.getFirst().language() != null) {
                // "Who is this for?" in the language of the phone's first patient
                context.useLanguage(registered.getFirst().language().name());
            }
            return ActionResult.outcome(switch (registered.size()) {
                case 0 -> "new";
                case 1 -> "one";
                default -> "several";
            });
        }
    }

    /** Whether patients are registered on this phone too (a pharmacist's own phone): {@code yes} or {@code no}. */
    @Singleton
    static class HasPatients implements UssdAction {
        private final PatientService patients;

        HasPatients(PatientService patients) {
            this.patients = patients;
        }

        @Override
        public String name() {
            return "hasPatients";
        }

        @Override
        public ActionResult run(ActionContext context) {
            return ActionResult.outcome(patients.findByPhone(context.phone()).isEmpty() ? "no" : "yes");
        }
    }

    @Singleton
    static class FamilyMembers implements UssdAction {
        private final PatientService patients;

        FamilyMembers(PatientService patients) {
            this.patients = patients;
        }

        @Override
        public String name() {
            return "familyMembers";
        }

        @Override
        public ActionResult run(ActionContext context) {
            return ActionResult.items(patients.findByPhone(context.phone()).stream()
                    .map(p -> new ListItem(p.id(), p.fullName())).toList());
        }
    }

    /** The family member chosen on "Who is this for?" (only patients of this phone can be chosen). */
    @Singleton
    static class SelectPatient implements UssdAction {
        private final PatientService patients;

        SelectPatient(PatientService patients) {
            this.patients = patients;
        }

        @Override
        public String name() {
            return "selectPatient";
        }

        @Override
        public ActionResult run(ActionContext context) {
            String chosen = context.require(PATIENT_ID);
            Patient patient = patients.findByPhone(context.phone()).stream().filter(p -> p.id().equals(chosen)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Patient " + chosen + " is not registered on this phone"));
            select(context, patient);
            String pinToChoose = pinToChoose(patient);
            return pinToChoose == null ? ActionResult.ok() : ActionResult.outcome(pinToChoose);
        }
    }

    /**
     * A new PIN typed the first time: kept until it is typed again as the bcrypt hash the patient record would
     * hold, in a USSD session that is never offered for resuming (a PIN was typed in it) and expires in minutes.
     */
    @Singleton
    static class ChoosePin implements UssdAction {
        private final PatientService patients;

        ChoosePin(PatientService patients) {
            this.patients = patients;
        }

        @Override
        public String name() {
            return "choosePin";
        }

        @Override
        public ActionResult run(ActionContext context) {
            context.put(NEW_PIN_HASH, patients.hashNewPin(context.input()));
            return ActionResult.ok();
        }
    }

    /** Whether the PIN just typed repeats the one chosen on the screen before; the chosen one is forgotten either way. */
    private static boolean repeatsChosenPin(ActionContext context, PatientService patients) {
        String chosen = context.require(NEW_PIN_HASH);
        context.remove(NEW_PIN_HASH);
        return patients.repeatsNewPin(context.input(), chosen);
    }

    /**
     * Registers with the values collected and the PIN just typed again (hashed by the patient service, never
     * stored here); {@code mismatch} when it differs from the one chosen.
     */
    @Singleton
    static class Register implements UssdAction {
        private final PatientService patients;

        Register(PatientService patients) {
            this.patients = patients;
        }

        @Override
        public String name() {
            return "register";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            if (!repeatsChosenPin(context, patients)) {
                return ActionResult.outcome(PIN_MISMATCH);
            }
            PatientDetails details = new PatientDetails(context.require("firstName"), context.require("lastName"),
                    context.phone(), Integer.valueOf(context.require("birthYear")), Sex.valueOf(context.require("sex")),
                    Language.valueOf(context.language()), List.of(), List.of(), null, null, true);
            Patient patient = patients.register(details, context.input(), Channel.USSD);
            select(context, patient);
            context.pinChosen(patient.id());
            return ActionResult.ok();
        }
    }

    /** The new or first PIN of a patient who has none, typed again; {@code mismatch} when it differs. */
    @Singleton
    static class SetNewPin implements UssdAction {
        private final PatientService patients;

        SetNewPin(PatientService patients) {
            this.patients = patients;
        }

        @Override
        public String name() {
            return "setNewPin";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            if (!repeatsChosenPin(context, patients)) {
                return ActionResult.outcome(PIN_MISMATCH);
            }
            String patientId = context.require(PATIENT_ID);
            patients.setPin(patientId, context.input(), Channel.USSD);
            context.pinChosen(patientId);
            return ActionResult.ok();
        }
    }

    /** Whether the PIN was already given in this USSD session for the selected patient. */
    @Singleton
    static class PinChecked implements UssdAction {
        @Override
        public String name() {
            return "pinChecked";
        }

        @Override
        public ActionResult run(ActionContext context) {
            String patientId = context.require(PATIENT_ID);
            boolean given = context.pinProvedFor().filter(patientId::equals).isPresent();
            return ActionResult.outcome(given ? "yes" : "no");
        }
    }

    /**
     * The PIN: the third wrong one in a row locks USSD access from the phone for 15 minutes. The engine counts
     * failures on the phone's document, atomically, so parallel sessions cannot get extra tries.
     */
    @Singleton
    static class VerifyPin implements UssdAction {
        private final PatientService patients;

        VerifyPin(PatientService patients) {
            this.patients = patients;
        }

        @Override
        public String name() {
            return "verifyPin";
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
            String patientId = context.require(PATIENT_ID);
            if (patients.verifyPin(patientId, context.input())) {
                context.clearPhoneFailures();
                context.pinVerified(patientId);
                return ActionResult.ok();
            }
            return ActionResult.outcome(context.countWrongPin() ? "locked" : "wrong");
        }
    }

    /** Stores the language just chosen on the patient. */
    @Singleton
    static class SaveLanguage implements UssdAction {
        private final PatientService patients;

        SaveLanguage(PatientService patients) {
            this.patients = patients;
        }

        @Override
        public String name() {
            return "saveLanguage";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            patients.setLanguage(context.require(PATIENT_ID), Language.valueOf(context.language()), Channel.USSD);
            return ActionResult.ok();
        }
    }

    /** Turns all non-essential SMS on or off as the menu set {@code smsOptIn}; queued reminders follow. */
    @Singleton
    static class SetSmsReminders implements UssdAction {
        private final PatientService patients;

        SetSmsReminders(PatientService patients) {
            this.patients = patients;
        }

        @Override
        public String name() {
            return "setSmsReminders";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            boolean on = Boolean.parseBoolean(context.require("smsOptIn"));
            patients.setSmsOptIn(context.require(PATIENT_ID), on, Channel.USSD);
            return ActionResult.outcome(on ? "on" : "off");
        }
    }
}
