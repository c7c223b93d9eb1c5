package org.afyadial.patients;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;

import java.util.List;

/**
 * The identifier is unique (the counter makes it so; the index proves it); phone and name are looked up; an
 * imported person is one patient however often imported (only imported patients have an import key).
 */
@Singleton
class PatientIndexes implements CollectionIndexes {

    @Override
    public String collection() {
        return "patients";
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(
                new IndexModel(Indexes.ascending("identifier"), new IndexOptions().unique(true)),
                new IndexModel(Indexes.ascending("phone")),
                new IndexModel(Indexes.ascending("searchName")),
                new IndexModel(Indexes.ascending(ImportedPatients.IMPORT_KEY), new IndexOptions().unique(true).sparse(true)));
    }
}
