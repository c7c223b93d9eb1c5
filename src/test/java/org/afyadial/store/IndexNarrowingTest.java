package org.afyadial.store;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
                List.of(new IndexKey("doctor", true), new IndexKey("start", true)));
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
            {_id: 5}                                        | {_id: 5}
            {_id: {$eq: 5}}                                 | {_id: 5}
            {_id: 5, version: 3}                            | {_id: 5}
            {$and: [{_id: 'a'}, {lastDigest: 'x'}, {pending: null}]} | {_id: "a"}
            {_id: {$in: [1, 2]}, status: 'QUEUED'}          | {_id: {$in: [1, 2]}}
            {version: 3}                                    | -
            {_id: {$gt: 5}}                                 | -
            {_id: null}                                     | -
            """)
    void aUniqueIndexIsLookedUpByItsKeyWhateverElseTheQueryAsks(String query, String lookup) {
        List<Document> asked = new ArrayList<>();
        UniqueKeyLookup<Object> index = new UniqueKeyLookup<>(new EmptyIndex<>("_id_", List.of(new IndexKey("_id", true))) {
            @Override
            public Iterable<Object> getPositions(Document keyQuery) {
                asked.add(keyQuery);
                return List.of();
            }
        }, false);
        Document filter = parse(query);
        if (lookup == null) {
            assertFalse(index.canHandle(filter));
        } else {
            index.getPositions(filter);
            assertEquals(List.of(parse(lookup)), asked);
        }
    }

    /** Extended JSON as the server receives it: encoded by the driver, decoded by the server. */
    private static Document parse(String json) {
        org.bson.RawBsonDocument encoded = org.bson.RawBsonDocument.parse(json);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(encoded.getByteBuffer().asNIO()));
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
