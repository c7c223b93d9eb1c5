package org.afyadial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs tasks on threads of their own, released at the same moment as concurrent requests would be, and answers
 * their results in order. Each task gets a (virtual) thread: a shared pool as small as this machine's would run
 * them one after the other.
 */
public final class AllAtOnce {

    private AllAtOnce() {
    }

    public static <T> List<T> run(int times, Callable<T> task) {
        return run(Collections.nCopies(times, task));
    }

    public static <T> List<T> run(List<Callable<T>> tasks) {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> runs = new ArrayList<>();
            for (Callable<T> task : tasks) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> run : runs) {
                results.add(run.get(120, TimeUnit.SECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a concurrent task failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("concurrent tasks did not finish", e);
        }
    }
}
