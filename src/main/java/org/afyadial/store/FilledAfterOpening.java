package org.afyadial.store;

/**
 * An in-memory index of the embedded server opened with its database: it passes for non-empty (so the collection
 * does not read every document twice per index to fill it) until the database has filled all the collection's
 * indexes in one read.
 */
interface FilledAfterOpening {

    void awaitDocuments();

    void documentsLoaded();
}
