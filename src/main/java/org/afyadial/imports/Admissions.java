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

/** The imported admissions, patients' history entries, one document per distinct row (its key unique). */
@Singleton
class Admissions {

    static final String COLLECTION = "admissions";
    static final String ROW_KEY = "rowKey";

    private final Store store;

    Admissions(Store store) {
        this.store = store;
    }

    /** The keys among these that are stored already. */
    Set<String> stored(Collection<String> keys) {
        Set<String> stored = new HashSet<>();
        collection().find(Filters.in(ROW_KEY, keys)).projection(Projections.include(ROW_KEY))
                .forEach(d -> stored.add(d.getString(ROW_KEY)));
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
