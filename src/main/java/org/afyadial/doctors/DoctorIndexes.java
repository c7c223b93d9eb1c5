package org.afyadial.doctors;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Indexes of the doctors feature: one staff account per doctor, look-ups by specialty and date. */
final class DoctorIndexes {

    private DoctorIndexes() {
    }

    @Singleton
    static class Doctors implements CollectionIndexes {
        @Override
        public String collection() {
            return "doctors";
        }

        @Override
        public List<IndexModel> indexes() {
            // doctors of a specialty are picked from the cached list (ReferenceCache): no query by specialty
            return List.of(new IndexModel(Indexes.ascending("username"), new IndexOptions().unique(true).sparse(true)));
        }
    }

    @Singleton
    static class Specialties implements CollectionIndexes {
        @Override
        public String collection() {
            return "specialties";
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending("code"), new IndexOptions().unique(true)));
        }
    }

    @Singleton
    static class Exceptions implements CollectionIndexes {
        @Override
        public String collection() {
            return "schedule_exceptions";
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending("doctorId", "date")));
        }
    }

    @Singleton
    static class Claims implements CollectionIndexes {

        private final ClaimRetention retention;

        Claims(ClaimRetention retention) {
            this.retention = retention;
        }

        @Override
        public String collection() {
            return SlotClaims.COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            // by start alone: the repair of abandoned claims reads those of the time ahead, whatever the doctor; the
            // same index deletes a claim once its time started longer ago than the retention
            return List.of(new IndexModel(Indexes.ascending("doctorId", "start")), new IndexModel(Indexes.ascending("start"),
                    new IndexOptions().expireAfter(retention.slotClaims().toSeconds(), TimeUnit.SECONDS).name("retention")));
        }
    }
}
