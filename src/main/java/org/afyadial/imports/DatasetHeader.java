package org.afyadial.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Where each column of the format is in a file: any order, header names ignoring case. */
final class DatasetHeader {

    private final Map<DatasetColumn, Integer> positions;
    private final List<String> names;

    private DatasetHeader(Map<DatasetColumn, Integer> positions, List<String> names) {
        this.positions = positions;
        this.names = names;
    }

    /** The header of a file; a missing column makes the whole file unreadable. */
    static DatasetHeader of(List<String> names) {
        Map<DatasetColumn, Integer> positions = new EnumMap<>(DatasetColumn.class);
        for (DatasetColumn column : DatasetColumn.values()) {
            for (int i = 0; i < names.size(); i++) {
                if (column.named(names.get(i))) {
                    positions.put(column, i);
                }
            }
            if (!positions.containsKey(column)) {
                throw new UnreadableImport("The header has no column \"" + column.header() + "\"");
            }
        }
        return new DatasetHeader(positions, List.copyOf(names));
    }

    /** The trimmed value of a column in a record, or "" when the record is shorter. */
    String value(List<String> fields, DatasetColumn column) {
        int position = positions.get(column);
        return position < fields.size() ? fields.get(position).trim() : "";
    }

    List<String> names() {
        return names;
    }
}
