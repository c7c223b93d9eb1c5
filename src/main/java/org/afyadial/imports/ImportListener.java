package org.afyadial.imports;

import java.util.List;

/** Follows an import: each rejected row as it is met, and the running counts after each batch. */
interface ImportListener {

    /** The file's header, before any row. */
    default void header(List<String> names) {
    }

    /** {@code line} is the file's line where the record starts (the header is line 1). */
    void rejected(long line, RejectReason reason, List<String> fields);

    void progress(ImportSummary soFar);
}
