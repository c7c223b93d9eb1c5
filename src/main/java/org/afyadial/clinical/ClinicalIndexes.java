package org.afyadial.clinical;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;

import java.util.List;

/** A verification code names one prescription; a patient's active prescriptions and dispensings are looked up. */
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
                    new IndexModel(Indexes.ascending("patientId", "activeUntil")));
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
            return List.of(new IndexModel(Indexes.ascending("prescriptionId")));
        }
    }
}
