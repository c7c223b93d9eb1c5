package org.afyadial.imports;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import jakarta.inject.Singleton;
import org.afyadial.store.DuplicateKey;
import org.afyadial.store.Store;
import org.bson.Document;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The imported admissions, patients' history entries, one document per distinct row ({@code _id} = the row key). */
@Singleton
class Admissions {

    static final String COLLECTION = "admissions";

    private final Store store;

    Admissions(Store store) {
        this.store = store;
    }

    /** The keys among these that are stored already. */
    Set<String> stored(Collection<String> keys) {
        Set<String> stored = new HashSet<>();
        collection().find(Filters.in("_id", keys)).projection(Projections.include("_id"))
                .forEach(d -> stored.add(d.getString("_id")));
        return stored;
    }

    /** Inserts the batch in one command; returns how many were new (a concurrent import may have stored some). */
    int insert(List<Document> admissions) {
        try {
            collection().insertMany(admissions, new InsertManyOptions().ordered(false));
            return admissions.size();
        } catch (MongoBulkWriteException e) {
            if (!DuplicateKey.onlyDuplicates(e)) {
                throw e;
            }
            return admissions.size() - e.getWriteErrors().size();
        }
    }

    private MongoCollection<Document> collection() {
        return store.collection(COLLECTION);
    }
}
