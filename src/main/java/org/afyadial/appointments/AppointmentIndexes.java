package org.afyadial.appointments;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;

import java.util.List;

/**
 * The reference is unique. Double booking is prevented by the slot claims of the doctors
 * feature ({@code slot_claims}, unique by doctor and start), not by an index here.
 */
@Singleton
class AppointmentIndexes implements CollectionIndexes {

    @Override
    public String collection() {
        return "appointments";
    }

    @Override
    public List<IndexModel> indexes() {
        return List.of(
                new IndexModel(Indexes.ascending("reference"), new IndexOptions().unique(true)),
                new IndexModel(Indexes.ascending("patientId", "start")),
                new IndexModel(Indexes.ascending("doctorId", "start")),
                new IndexModel(Indexes.ascending("start")));
    }
}
