package org.afyadial.imports;

/** An import started over HTTP has ended, imported or failed; its result is in its {@link ImportJobs} document. */
record ImportFinished(String importId) {
}
