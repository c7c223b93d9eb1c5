package org.afyadial.clinical;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;

import java.util.List;

/**
 * A verification code names one prescription; one consultation completes an appointment; a lab order has one
 * result per test. A patient's prescriptions, dispensings, consultations, lab orders and results are looked up
 * newest first for the history.
 */
final class ClinicalIndexes {

    private ClinicalIndexes() {
    }

    @Singleton
    static class PrescriptionIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return "prescriptions";
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending("code"), new IndexOptions().unique(true)),
                    new IndexModel(Indexes.ascending("patientId", "activeUntil")),
                    new IndexModel(Indexes.ascending("patientId", "createdAt")));
        }
    }

    /** The {@code _id} ({@code prescriptionId|item}) is what makes an item dispensed once. */
    @Singleton
    static class DispensingIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return Dispensings.COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending("prescriptionId")),
                    new IndexModel(Indexes.ascending("patientId", "dispensedAt")));
        }
    }

    @Singleton
    static class ConsultationIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return "consultations";
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending("appointmentId"), new IndexOptions().unique(true).sparse(true)),
                    new IndexModel(Indexes.ascending("patientId", "createdAt")));
        }
    }

    @Singleton
    static class LabOrderIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return LabOrder.COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending("status", "createdAt")),
                    new IndexModel(Indexes.ascending("patientId", "createdAt")));
        }
    }

    /** The unique ({@code orderId}, {@code test}) is what makes a result recorded once. */
    @Singleton
    static class LabResultIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return LabResults.COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending("orderId", "test"), new IndexOptions().unique(true)),
                    new IndexModel(Indexes.ascending("patientId", "recordedAt")));
        }
    }
}
