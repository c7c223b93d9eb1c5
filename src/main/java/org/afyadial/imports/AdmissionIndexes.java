package org.afyadial.imports;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;

import java.util.List;

/** A row is imported once; a patient's history is read by patient; statistics select admissions by date. */
@Singleton
class AdmissionIndexes implements CollectionIndexes {

    @Override
    public String collection() {
        return Admissions.COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending(Admissions.ROW_KEY), new IndexOptions().unique(true)),
                new IndexModel(Indexes.ascending("patientId")), new IndexModel(Indexes.ascending("admittedAt")));
    }
}
