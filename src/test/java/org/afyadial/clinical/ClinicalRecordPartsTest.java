package org.afyadial.clinical;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small decisions of consultations and lab results, without the application. */
class ClinicalRecordPartsTest {

    @Test
    void aDiastolicAtOrAboveTheSystolicIsInconsistent() {
        assertTrue(new Vitals.BloodPressure(120, 80).consistent());
        assertFalse(new Vitals.BloodPressure(80, 80).consistent());
        assertFalse(new Vitals.BloodPressure(80, 120).consistent());
    }

    @Test
    void aResultNamesItsTestInAnyCaseAndGetsTheOrdersSpelling() {
        LabOrder order = new LabOrder("o1", "p1", "dr", null, List.of("HbA1c", "Fasting glucose"), LabOrder.Status.OPEN,
                Instant.EPOCH, null);

        assertEquals(Optional.of("HbA1c"), order.test(" hba1c "));
        assertEquals(Optional.of("Fasting glucose"), order.test("FASTING GLUCOSE"));
        assertEquals(Optional.empty(), order.test("Glucose"));
    }

    @Test
    void onlyAResultWithAReasonIsACorrection() {
        assertTrue(new LabResultEntry("HbA1c", "9.4", "%", null, true, "wrong sample").correction());
        assertFalse(new LabResultEntry("HbA1c", "9.4", "%", null, true, "  ").correction());
        assertFalse(new LabResultEntry("HbA1c", "9.4", "%", null, true, null).correction());
    }
}
