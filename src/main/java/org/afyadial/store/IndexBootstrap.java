package org.afyadial.store;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Creates every declared index when the application starts; creating an existing index is a no-op. */
@Context
class IndexBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(IndexBootstrap.class);

    private final Store store;
    private final List<CollectionIndexes> declarations;

    IndexBootstrap(Store store, List<CollectionIndexes> declarations) {
        this.store = store;
        this.declarations = declarations;
    }

    @PostConstruct
    void createIndexes() {
        for (CollectionIndexes declaration : declarations) {
            if (!declaration.indexes().isEmpty()) {
                store.collection(declaration.collection()).createIndexes(declaration.indexes());
            }
        }
        LOG.info("Indexes ensured on {} collections", declarations.size());
    }
}
