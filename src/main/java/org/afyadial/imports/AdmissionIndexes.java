package org.afyadial.imports;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;

import java.util.List;

/** A patient's history is read by patient; statistics select admissions by date. */
@Singleton
class AdmissionIndexes implements CollectionIndexes {

    @Override
    public String collection() {
        return Admissions.COLLECTION;
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(new IndexModel(Indexes.ascending("patientId")), new IndexModel(Indexes.ascending("admittedAt")));
    }
}
