package org.afyadial.statistics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Suppression worked out by hand, k = 5; {@code *} is a suppressed cell, the number after {@code =} the row's total. */
class CountTableTest {

    @Test
    void smallCellsAndTheCellsThatWouldGiveThemAwayAreSuppressed() {
        // A.y (3) and C.z (4) are small; A.z and C.x protect them in their rows; then B.x protects C.x in column x,
        // B.y protects A.y in column y, and row B has two suppressed cells, so nothing more is needed
        CountTable table = table(List.of("x", "y", "z"), Map.of(
                "A", List.of(10L, 3L, 8L),
                "B", List.of(7L, 9L, 12L),
                "C", List.of(6L, 11L, 4L)));

        assertEquals(List.of(
                "A: 10 * * = 21",
                "B: * * 12 = 28",
                "C: * 11 * = 21",
                "total: 23 23 24 = 70"), render(table));
    }

    @Test
    void aSingleColumnProtectsItsSmallCellFromTheTotal() {
        CountTable table = table(List.of("patients"), Map.of("g1", List.of(12L), "g2", List.of(3L), "g3", List.of(7L)));

        assertEquals(List.of("g1: 12", "g2: *", "g3: *", "total: 22"), render(table));
    }

    @Test
    void zerosAreShownAndATotalIsSuppressedWhenOnlyZerosCouldProtectACell() {
        // A.y and B.y are small; A.x and B.z protect them in their rows; column x is then A.x and a zero, and its
        // total would give A.x away: the total goes; the same for column z
        CountTable table = table(List.of("x", "y", "z"), Map.of("A", List.of(6L, 2L, 0L), "B", List.of(0L, 3L, 9L)));

        assertEquals(List.of("A: * * 0 = 8", "B: 0 * * = 12", "total: * 5 * = 20"), render(table));
    }

    @Test
    void aTableOfSmallCountsShowsNoNumberButItsZeros() {
        CountTable table = table(List.of("patients"), Map.of("g1", List.of(2L), "g2", List.of(0L)));

        assertEquals(List.of("g1: *", "g2: 0", "total: *"), render(table));
    }

    @Test
    void theCsvHasAHeaderAndEmptyNumbersWhereSuppressed() {
        CountTable table = table(List.of("x", "y"), Map.of("A", List.of(10L, 3L), "B", List.of(7L, 9L)));

        assertEquals(List.of(List.of("group", "x", "y", "total"), List.of("A", "suppressed", "suppressed", "13"),
                List.of("B", "suppressed", "suppressed", "16"), List.of("total", "17", "12", "29")), table.csv());
    }

    private static CountTable table(List<String> columns, Map<String, List<Long>> rows) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        List<String> groups = rows.keySet().stream().sorted().toList();
        groups.forEach(g -> {
            Map<String, Long> row = new LinkedHashMap<>();
            for (int j = 0; j < columns.size(); j++) {
                row.put(columns.get(j), rows.get(g).get(j));
            }
            counts.put(g, row);
        });
        return CountTable.of(groups, columns, counts, 5);
    }

    private static List<String> render(CountTable table) {
        List<CountTable.Row> all = new ArrayList<>(table.rows());
        all.add(table.total());
        return all.stream().map(row -> row.group() + ": "
                + row.cells().stream().map(CountTableTest::text).collect(Collectors.joining(" "))
                + (row.total() == null ? "" : " = " + text(row.total()))).toList();
    }

    private static String text(CountTable.Cell cell) {
        return cell.suppressed() ? "*" : cell.count().toString();
    }
}
