package org.afyadial.imports;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The ids of the imports that ended, in order, for tests to wait on. */
@Singleton
class FinishedImports implements ApplicationEventListener<ImportFinished> {

    final BlockingQueue<String> ids = new LinkedBlockingQueue<>();

    @Override
    public void onApplicationEvent(ImportFinished event) {
        ids.add(event.importId());
    }
}
