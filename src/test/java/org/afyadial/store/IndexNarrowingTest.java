package org.afyadial.store;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.afyadial.store.ServerDocuments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Which documents an index hands to the collection for a query: only those that can match (the collection checks the
 * rest), and nothing when the index cannot narrow (then the collection reads everything). EmbeddedIndexesTest checks
 * that the answers stay right; this checks that the indexes actually narrow.
 */
class IndexNarrowingTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            {doctor: 'd1'}                                                   | 1 2 3
            {doctor: {$eq: 'd2'}}                                            | 4 5
            {doctor: {$in: ['d2', 'd3']}}                                    | 4 5 6
            {doctor: 'd1', start: {$lt: {$date: '2026-11-21T08:10:00Z'}}}     | 1 2
            {doctor: 'd1', start: {$lte: {$date: '2026-11-21T08:10:00Z'}}}    | 1 2 3
            {doctor: 'd1', start: {$gt: {$date: '2026-11-21T08:05:00Z'}}}     | 3
            {$and: [{doctor: 'd1'}, {start: {$gte: {$date: '2026-11-21T08:05:00Z'}}}, {holder: 'x'}]} | 2 3
            {$and: [{doctor: 'd1'}, {start: {$gt: {$date: '2026-11-21T07:00:00Z'}}}, {start: {$lt: {$date: '2026-11-21T08:10:00Z'}}}]} | 1 2
            {$and: [{doctor: 'd1'}, {start: {$lt: {$date: '2026-11-21T08:10:00Z'}}}, {start: {$gte: {$date: '2026-11-21T08:05:00Z'}}}]} | 2
            {doctor: {$gte: 'd2'}}                                           | 4 5 6
            {doctor: 'd9'}                                                   | ''
            {start: {$lt: {$date: '2026-11-21T08:10:00Z'}}}                   | -
            {doctor: null}                                                   | -
            {doctor: {$ne: 'd1'}}                                            | -
            {$or: [{doctor: 'd1', start: {$lt: {$date: '2026-11-21T08:05:00Z'}}}, {doctor: 'd3'}]} | 1 6
            {$or: [{doctor: 'd1'}, {holder: 'x'}]}                           | -
            """)
    void aSecondaryIndexNarrowsByItsFirstKeyThenItsSecond(String query, String expected) {
        MemoryIndex<Object> index = new MemoryIndex<>("doctor_start",
                List.of(new IndexKey("doctor", true), new IndexKey("start", true)), false, () -> false);
        String[] doctors = {"d1", "d1", "d1", "d2", "d2", "d3"};
        for (int i = 0; i < doctors.length; i++) {
            Document claim = new Document("_id", i + 1).append("doctor", doctors[i])
                    .append("start", T0.plusSeconds(300L * (i % 3)));
            index.add(claim, i + 1, null);
        }
        Document filter = parse(query);
        if (expected == null) {
            assertFalse(index.canHandle(filter));
        } else {
            assertEquals(ids(expected), new TreeSet<>(toList(index.getPositions(filter))));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            {_id: 5}                                                 | 5
            {_id: {$eq: 5}}                                          | 5
            {_id: 5, version: 3}                                     | 5
            {$and: [{_id: 2}, {lastDigest: 'x'}, {pending: null}]}    | 2
            {_id: {$in: [1, 2, 9]}, status: 'QUEUED'}                | 1 2
            {_id: 9}                                                 | ''
            {version: 1}                                             | -
            {_id: {$gt: 5}}                                          | -
            {$or: [{_id: 1}, {_id: 2}]}                              | -
            """)
    void aUniqueIndexIsLookedUpByItsKeyWhateverElseTheQueryAsks(String query, String expected) {
        MemoryUniqueIndex<Object> index = new MemoryUniqueIndex<>("_id_", List.of(new IndexKey("_id", true)), false, () -> false);
        for (int id = 1; id <= 6; id++) {
            index.add(new Document("_id", id).append("version", id % 2), id, null);
        }
        Document filter = parse(query);
        if (expected == null) {
            assertFalse(index.canHandle(filter));
        } else {
            assertEquals(ids(expected), new TreeSet<>(toList(index.getPositions(filter))));
        }
    }

    private static Set<Object> ids(String list) {
        Set<Object> ids = new TreeSet<>();
        for (String id : list.split(" ")) {
            if (!id.isBlank()) {
                ids.add(Integer.parseInt(id));
            }
        }
        return ids;
    }

    private static List<Object> toList(Iterable<Object> positions) {
        List<Object> list = new ArrayList<>();
        positions.forEach(list::add);
        return list;
    }
}
