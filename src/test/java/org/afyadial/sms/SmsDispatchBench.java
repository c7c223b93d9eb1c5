package org.afyadial.sms;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.ApplicationEventPublisher;
import org.afyadial.at.FakeAtServer;

import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Benchmark (run by bench/sms-dispatch.sh, not by the test suite): N due messages through D
 * dispatchers sharing one store to the fake AT on localhost, rate limiter off. Prints messages
 * per second and how many texts AT received more than once (must be 0).
 * The store is the embedded one (in memory), or {@code MONGODB_URI} when set, or with
 * {@code memory} as 4th argument mongo-java-server's plain memory backend, which shows the
 * dispatcher's own cost without the embedded store's serialization.
 */
public final class SmsDispatchBench {

    private SmsDispatchBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String store = args.length > 3 ? args[3] : "embedded";
        MongoServer memoryStore = store.equals("memory") ? new MongoServer(new MemoryBackend()) : null;
        try (FakeAtServer fake = new FakeAtServer(32)) {
            fake.recordNothing();
            Map<String, Object> properties = new java.util.HashMap<>(FakeAtProperties.pointingAt(fake));
            properties.put("afyadial.sms.batch-size", String.valueOf(batch));
            properties.put("afyadial.sms.concurrent-sends", "64");
            properties.put("afyadial.store.in-memory", "true");
            // production-like timeouts: a loaded machine must not turn slow answers into retries
            properties.put("afyadial.at.sms.timeout", "10s");
            properties.put("afyadial.sms.requeue-backoff", "1s");
            properties.put("afyadial.sms.breaker-open-for", "2s");
            if (memoryStore != null) {
                properties.put("mongodb.uri", "mongodb://127.0.0.1:" + memoryStore.bind().getPort() + "/bench");
            } else if (System.getenv("MONGODB_URI") != null) {
                properties.put("mongodb.uri", System.getenv("MONGODB_URI"));
            }
            System.out.println("store: " + (memoryStore != null ? "mongo-java-server memory backend" : properties.containsKey("mongodb.uri") ? "MONGODB_URI" : "embedded (H2, in memory)"));
            try (ApplicationContext context = ApplicationContext.run(properties)) {
                run(context, fake, messages, instances);
            }
        } finally {
            if (memoryStore != null) {
                memoryStore.shutdownNow();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void run(ApplicationContext context, FakeAtServer fake, int messages, int instances) throws Exception {
        OutboxStore store = context.getBean(OutboxStore.class);
        Outbox outbox = context.getBean(Outbox.class);
        Clock clock = context.getBean(Clock.class);
        long queueStart = System.nanoTime();
        Instant now = clock.instant();
        for (int from = 0; from < messages; from += 5_000) {
            List<OutboxMessage> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(messages, from + 5_000); i++) {
                chunk.add(outbox.prepare(SmsRequest.now("bench:" + i, null, "+2547" + (10_000_000 + i), "en",
                        "Bench message " + i, MessageKind.REPLY), now));
            }
            store.insertAllOnce(chunk);
        }
        System.out.printf("queued %,d messages in %.1f s%n", messages, (System.nanoTime() - queueStart) / 1e9);

        List<SmsDispatcher> dispatchers = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            dispatchers.add(new SmsDispatcher(store, context.getBean(ResilientSender.class), context.getBean(SmsAlerts.class),
                    context.getBean(SmsSettings.class), clock, context.getBean(ApplicationEventPublisher.class),
                    context.getBean(SmsMeters.class), "bench-" + i));
        }
        AtomicInteger sent = new AtomicInteger();
        Bson unfinished = in("status", OutboxStatus.QUEUED.name(), OutboxStatus.SENDING.name());
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(instances)) {
            List<Future<?>> runs = new ArrayList<>();
            for (SmsDispatcher dispatcher : dispatchers) {
                runs.add(threads.submit(() -> {
                    for (int round; (round = dispatcher.dispatchDue()) > 0 || store.count(unfinished) > 0; ) {
                        sent.addAndGet(round);
                        if (round == 0) {
                            pause(); // only messages waiting for a backoff or a lease are left
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("dispatchers: %d, sent: %,d in %.1f s = %,.0f messages/s%n", instances, sent.get(), seconds, sent.get() / seconds);
        System.out.printf("AT accepted: %,d, duplicates: %d, outbox SENT: %,d, FAILED: %,d%n",
                fake.accepted(), fake.duplicates(), store.count(eq("status", OutboxStatus.SENT.name())),
                store.count(eq("status", OutboxStatus.FAILED.name())));
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
