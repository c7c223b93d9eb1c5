package org.afyadial.payments;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.afyadial.ClinicFixture;
import org.afyadial.store.Store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;

/**
 * AT payment notifications for many bills, each delivered several times, shuffled, from concurrent senders to one
 * instance on 127.0.0.1; prints notifications/s, the service's CPU time per notification, and checks that every bill
 * was paid exactly once, one receipt per payment and nothing unmatched. The embedded store keeps its data in a file
 * of a temporary directory, every write forced to disk before its answer as in production ({@code file}), or in
 * memory only ({@code memory}). Run by {@code bench/payments.sh}.
 */
public final class PaymentsBench {

    private PaymentsBench() {
    }

    public static void main(String[] args) throws Exception {
        int bills = Integer.parseInt(args[0]);
        int copies = Integer.parseInt(args[1]);
        int senders = Integer.parseInt(args[2]);
        boolean onFile = !"memory".equals(args[3]);
        Path dataDir = Files.createTempDirectory("payments-bench");
        boolean ok;
        Map<String, Object> properties = new HashMap<>(Map.of("micronaut.server.host", "127.0.0.1",
                "micronaut.server.port", -1, "afyadial.sms.dispatch-interval", "1h"));
        properties.put(onFile ? "afyadial.data-dir" : "afyadial.store.in-memory", onFile ? dataDir.toString() : true);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApplicationContext context = server.getApplicationContext();
            ClinicFixture clinic = context.getBean(ClinicFixture.class);
            BillService billService = context.getBean(BillService.class);
            List<String> bodies = new ArrayList<>();
            List<String> billIds = new ArrayList<>();
            for (int i = 0; i < bills; i++) {
                var patient = clinic.patient("Bench", "+2547%08d".formatted(i));
                Bill bill = billService.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));
                billIds.add(bill.id());
                String body = """
                        {"transactionId":"ATPid_%d","category":"MobileC2B","provider":"Mpesa","providerRefId":"QB%08d",
                        "clientAccount":"%s","source":"+254711082300","value":"KES 500.00","status":"Success"}"""
                        .formatted(i, i, bill.reference());
                for (int c = 0; c < copies; c++) {
                    bodies.add(body);
                }
            }
            Collections.shuffle(bodies);
            URI target = URI.create("http://127.0.0.1:" + server.getPort() + "/at/payments/notification");
            HttpClient http = HttpClient.newHttpClient();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ThreadMXBean threadCpu = ManagementFactory.getThreadMXBean();
            AtomicLong sendersCpu = new AtomicLong();
            long cpuAtStart = processCpuNanos();
            long start = System.nanoTime();
            try (ExecutorService threads = Executors.newFixedThreadPool(senders)) {
                List<Future<?>> running = new ArrayList<>();
                for (int s = 0; s < senders; s++) {
                    running.add(threads.submit(() -> {
                        for (int n = next.getAndIncrement(); n < bodies.size(); n = next.getAndIncrement()) {
                            HttpRequest request = HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(n))).build();
                            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                                failed.incrementAndGet();
                            }
                        }
                        sendersCpu.addAndGet(threadCpu.getCurrentThreadCpuTime());
                        return null;
                    }));
                }
                for (Future<?> run : running) {
                    run.get();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long processCpu = processCpuNanos() - cpuAtStart;
            long clientCpu = sendersCpu.get() + Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("HttpClient-")).mapToLong(t -> threadCpu.getThreadCpuTime(t.threadId())).sum();
            Store store = context.getBean(Store.class);
            long paidOnce = billIds.stream().map(billService::get)
                    .filter(b -> b.status() == BillStatus.PAID && b.version() == 1).count();
            long receipts = store.collection("sms_outbox").countDocuments(regex("idempotencyKey", Pattern.compile("^payment:")));
            long unmatched = store.collection("payments").countDocuments(eq("review", "UNMATCHED"));
            System.out.printf("%d notifications (%d bills x %d) from %d senders, store %s, in %.1f s: %.0f notifications/s; "
                            + "non-200 answers %d; bills paid exactly once %d/%d; receipts %d; unmatched %d%n",
                    bodies.size(), bills, copies, senders, onFile ? "on file" : "in memory", seconds, bodies.size() / seconds,
                    failed.get(), paidOnce, bills, receipts, unmatched);
            System.out.printf("service CPU %.2f ms per notification (the process's %.2f ms less the senders' and their "
                    + "HTTP client's %.2f ms)%n", (processCpu - clientCpu) / 1e6 / bodies.size(),
                    processCpu / 1e6 / bodies.size(), clientCpu / 1e6 / bodies.size());
            ok = failed.get() == 0 && paidOnce == bills && receipts == bills && unmatched == 0;
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.out.println(ok ? "OK" : "FAILED");
        if (!ok) {
            System.exit(1);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
