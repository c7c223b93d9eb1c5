package org.afyadial.store;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.AllAtOnce;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sequences drawn concurrently, singly and in blocks, from a counter that does not exist yet. */
@MicronautTest(transactional = false)
class CountersTest {

    @Inject
    Counters counters;

    @Test
    void concurrentDrawsOfANewCounterEachGetTheirOwnValuesWithoutGaps() {
        String name = "probe-" + System.nanoTime();
        List<Callable<List<Long>>> draws = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            draws.add(() -> List.of(counters.next(name)));
            int size = 1 + i % 5;
            draws.add(() -> {
                long first = counters.nextBlock(name, size);
                return LongStream.range(first, first + size).boxed().toList();
            });
        }

        List<Long> values = new ArrayList<>(AllAtOnce.run(draws).stream().flatMap(List::stream).toList());

        Collections.sort(values);
        assertEquals(LongStream.rangeClosed(1, 60 + 60 * 3).boxed().toList(), values, "every value handed out once, none skipped");
    }

    @Test
    void aBlockFollowsTheValuesDrawnBeforeIt() {
        String name = "probe-" + System.nanoTime();

        assertEquals(1, counters.next(name));
        assertEquals(2, counters.nextBlock(name, 10));
        assertEquals(12, counters.next(name));
    }
}
