package org.afyadial.staff;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** Runs a task on several threads released at the same moment, as concurrent requests would. */
final class AllAtOnce {

    private AllAtOnce() {
    }

    static <T> List<T> run(int times, Supplier<T> task) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<T>> runs = IntStream.range(0, times)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return task.get();
                }))
                .toList();
        start.countDown();
        return runs.stream().map(CompletableFuture::join).toList();
    }
}
