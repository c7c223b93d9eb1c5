package org.afyadial.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table of counts, groups by columns, with row and column totals, made k-anonymous: a cell (or total) from 1 to
 * {@code k - 1} is suppressed (its number left out; a zero describes nobody and is shown); and where a row or column
 * with a published total has exactly one suppressed cell, that cell could be recovered by subtraction, so the
 * smallest other non-zero cell of the line is suppressed too (complementary suppression), or the total when the
 * others are zeros, until no line gives one away. The totals row and column are lines too.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record CountTable(List<String> columns, List<Row> rows, Row total) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Row(String group, List<Cell> cells, Cell total) {
    }

    /** A count, or {@code suppressed} with no number. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Cell(Long count, boolean suppressed) {

        static Cell of(long count, boolean suppressed) {
            return suppressed ? new Cell(null, true) : new Cell(count, false);
        }
    }

    /** {@code counts} by group then column; a missing pair is a zero. */
    static CountTable of(List<String> groups, List<String> columns, Map<String, Map<String, Long>> counts, int k) {
        int r = groups.size();
        int c = columns.size();
        // the counts with their totals as a last column and a last row, so that a total is one more cell of its lines
        long[][] n = new long[r + 1][c + 1];
        for (int i = 0; i < r; i++) {
            Map<String, Long> row = counts.getOrDefault(groups.get(i), Map.of());
            for (int j = 0; j < c; j++) {
                n[i][j] = row.getOrDefault(columns.get(j), 0L);
                n[i][c] += n[i][j];
                n[r][j] += n[i][j];
                n[r][c] += n[i][j];
            }
        }
        boolean[][] hidden = new boolean[r + 1][c + 1];
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= c; j++) {
                hidden[i][j] = n[i][j] > 0 && n[i][j] < k;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; c > 1 && i <= r; i++) { // with one column a row's total is its cell: not a line to protect
                changed |= protect(n, hidden, i, -1);
            }
            for (int j = 0; j <= c; j++) {
                changed |= protect(n, hidden, -1, j);
            }
        }
        List<Row> rows = new ArrayList<>(r + 1);
        for (int i = 0; i <= r; i++) {
            List<Cell> cells = new ArrayList<>(c);
            for (int j = 0; j < c; j++) {
                cells.add(Cell.of(n[i][j], hidden[i][j]));
            }
            rows.add(new Row(i < r ? groups.get(i) : "total", cells, c > 1 ? Cell.of(n[i][c], hidden[i][c]) : null));
        }
        return new CountTable(columns, rows.subList(0, r), rows.get(r));
    }

    /**
     * Row {@code row} or column {@code column} (the other is -1): when its total is published and exactly one of its
     * cells is not, subtraction would give that cell away, so its smallest other non-zero published cell is hidden
     * too, or, when there is none (the others are zeros), the total. Returns whether anything was hidden.
     */
    private static boolean protect(long[][] n, boolean[][] hidden, int row, int column) {
        int length = row >= 0 ? n[0].length - 1 : n.length - 1;
        int[] total = row >= 0 ? new int[]{row, length} : new int[]{length, column};
        if (hidden[total[0]][total[1]]) {
            return false;
        }
        int hiddenCells = 0;
        int[] smallest = null;
        for (int m = 0; m < length; m++) {
            int[] at = row >= 0 ? new int[]{row, m} : new int[]{m, column};
            long count = n[at[0]][at[1]];
            if (hidden[at[0]][at[1]]) {
                hiddenCells++;
            } else if (count > 0 && (smallest == null || count < n[smallest[0]][smallest[1]])) {
                smallest = at;
            }
        }
        if (hiddenCells != 1) {
            return false;
        }
        int[] hide = smallest != null ? smallest : total;
        hidden[hide[0]][hide[1]] = true;
        return true;
    }

    /** The table as CSV lines: a header, then one line per group and the totals; a suppressed cell is empty. */
    List<List<String>> csv() {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("group");
        header.addAll(columns);
        if (total.total() != null) {
            header.add("total");
        }
        lines.add(header);
        List<Row> all = new ArrayList<>(rows);
        all.add(total);
        for (Row row : all) {
            List<String> line = new ArrayList<>();
            line.add(row.group());
            row.cells().forEach(cell -> line.add(text(cell)));
            if (row.total() != null) {
                line.add(text(row.total()));
            }
            lines.add(line);
        }
        return lines;
    }

    private static String text(Cell cell) {
        return cell.suppressed() ? "suppressed" : Long.toString(cell.count());
    }
}
