package org.afyadial.audit;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** The audit log is read newest first, by actor or by patient; its time index also ends an entry's retention. */
@Singleton
class AuditIndexes implements CollectionIndexes {

    private final AuditRetention retention;

    AuditIndexes(AuditRetention retention) {
        this.retention = retention;
    }

    @Override
    public String collection() {
        return "audit_log";
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(
                new IndexModel(Indexes.descending("at"),
                        new IndexOptions().expireAfter(retention.audit().toSeconds(), TimeUnit.SECONDS).name("at")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("actor"), Indexes.descending("at")), new IndexOptions().name("actor_at")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("patientId"), Indexes.descending("at")), new IndexOptions().name("patient_at")));
    }
}
