package org.afyadial.clinical;

import jakarta.inject.Singleton;
import org.afyadial.ClinicFixture;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Patients with a clinical record and their prescriptions, made through the clinical services, for pharmacy tests. */
@Singleton
public class PharmacyFixture {

    private static final String DOCTOR = "dr.pharmacy";

    private final ClinicFixture clinic;
    private final ClinicalProfiles profiles;
    private final Prescriptions prescriptions;

    PharmacyFixture(ClinicFixture clinic, ClinicalProfiles profiles, Prescriptions prescriptions) {
        this.clinic = clinic;
        this.profiles = profiles;
        this.prescriptions = prescriptions;
    }

    /** A patient (Grace Otieno, born 1990) with these chronic conditions of the coded list; their id. */
    public String patientWith(String phone, String... conditions) {
        String patientId = clinic.patient("Grace", phone).id();
        profiles.replace(patientId, new ProfileDetails(List.of(), Arrays.stream(conditions)
                .map(code -> new ChronicCondition(code, null, null, null, null)).toList(), null, false, null, null), ClinicalProfile.NO_PROFILE, DOCTOR);
        return patientId;
    }

    /** Prescribes the items, over any contraindication (with a reason); the prescription's code. */
    public String prescribe(String patientId, Drug... drugs) {
        return prescriptions.prescribe(patientId, Arrays.stream(drugs).map(Drug::item).toList(),
                "Confirmed hypoglycaemia", DOCTOR).code();
    }

    /** Dispenses every item of the prescription, as a pharmacist at the counter would. */
    public void dispenseEvery(String code) {
        PrescriptionView view = prescriptions.byCode(code);
        IntStream.range(0, view.items().size()).forEach(i -> prescriptions.dispense(view.id(), i, "pharma.desk", "API"));
    }

    /** Items the pharmacy tests prescribe. */
    public enum Drug {
        /** Contraindicated for a diabetic patient. */
        DEXTROSE(new PrescriptionItem("Dextrose 10%", "infusion", "500 ml", "500 ml", null, 1, 1, "intravenous")),
        /** A warning for a patient with asthma. */
        IBUPROFEN(new PrescriptionItem("Ibuprofen", "tablet", "200 mg", "1 tablet", new BigDecimal("200"), 3, 5, "oral")),
        AMOXICILLIN(new PrescriptionItem("Amoxicillin", "capsule", "500 mg", "1 capsule", null, 3, 5, "oral"));

        private final PrescriptionItem item;

        Drug(PrescriptionItem item) {
            this.item = item;
        }

        PrescriptionItem item() {
            return item;
        }
    }
}
