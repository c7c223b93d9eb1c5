package org.afyadial.store;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.afyadial.store.ServerDocuments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which aggregations the embedded server answers as a find, and with which find. */
class AggregateAsFindTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            [{$match: {phone: 'p'}}, {$sort: {createdAt: 1}}]                 | {find: 'patients', filter: {phone: 'p'}, sort: {createdAt: 1}, $db: 'afyadial'}
            [{$match: {a: 1}}, {$sort: {b: -1}}, {$skip: 20}, {$limit: 10}]   | {find: 'patients', filter: {a: 1}, sort: {b: -1}, skip: 20, limit: 10, $db: 'afyadial'}
            [{$sort: {name: 1}}]                                              | {find: 'patients', sort: {name: 1}, $db: 'afyadial'}
            []                                                                | {find: 'patients', $db: 'afyadial'}
            [{$limit: 10}, {$skip: 20}]                                       | -
            [{$sort: {a: 1}}, {$match: {a: 1}}]                               | -
            [{$match: {a: 1}}, {$group: {_id: '$a', n: {$sum: 1}}}]           | -
            [{$match: {a: 1}}, {$project: {a: 1}}]                            | -
            [{$match: {a: 1}}, {$match: {b: 1}}]                              | -
            """)
    void onlyFilteringSortingAndPagingPipelinesBecomeFinds(String pipeline, String expected) {
        Document aggregate = parse("{aggregate: 'patients', pipeline: " + pipeline + ", cursor: {}, $db: 'afyadial'}");
        assertEquals(Optional.ofNullable(expected).map(ServerDocuments::parse), AggregateAsFind.of(aggregate));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {aggregate: 1, pipeline: [{$currentOp: {}}], cursor: {}}
            {aggregate: 'patients', pipeline: [{$match: {a: 1}}], explain: true}
            """)
    void notAboutOneCollectionsDocumentsOrAnExplanation(String aggregate) {
        assertEquals(Optional.empty(), AggregateAsFind.of(parse(aggregate)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cursor: {batchSize: 5}                               | batchSize: 5
            cursor: {}, collation: {locale: 'fr', strength: 1}   | collation: {locale: 'fr', strength: 1}
            cursor: {}, hint: {phone: 1}                         | hint: {phone: 1}
            cursor: {}, maxTimeMS: 2000                          | maxTimeMS: 2000
            cursor: {}, let: {today: '2026-03-01'}               | let: {today: '2026-03-01'}
            cursor: {}, comment: 'due reminders'                 | comment: 'due reminders'
            cursor: {}, readConcern: {level: 'majority'}         | readConcern: {level: 'majority'}
            cursor: {}, allowDiskUse: true                       | allowDiskUse: true
            cursor: {}, lsid: {id: 7}, $db: 'afyadial'           | lsid: {id: 7}, $db: 'afyadial'
            """)
    void everyOptionTheAggregateWasGivenIsKept(String options, String kept) {
        Document aggregate = parse("{aggregate: 'x', pipeline: [{$match: {a: 1}}], " + options + "}");
        assertEquals(parse("{find: 'x', filter: {a: 1}, " + kept + "}"), AggregateAsFind.of(aggregate).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cursor: {}, bypassDocumentValidation: true
            cursor: {}, writeConcern: {w: 'majority'}
            cursor: {}, txnNumber: 1, autocommit: false
            cursor: {batchSize: 5, singleBatch: true}
            maxTimeMS: 2000
            """)
    void anAggregateWithAnOptionAFindDoesNotTakeTheSameWayIsNotRewritten(String options) {
        assertEquals(Optional.empty(), AggregateAsFind.of(parse("{aggregate: 'x', pipeline: [{$match: {a: 1}}], " + options + "}")));
    }
}
