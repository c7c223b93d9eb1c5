package org.afyadial.ussd;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The actions of the engine's test menus (src/test/resources/test-menus). */
final class TestActions {

    static final String MENUS = "src/test/resources/test-menus";

    private TestActions() {
    }

    @Singleton
    @Requires(property = "afyadial.ussd.menus-dir", value = MENUS)
    static class Greet implements UssdAction {
        @Override
        public String name() {
            return "greet";
        }

        @Override
        public ActionResult run(ActionContext context) {
            context.put("greeting", "hi");
            return ActionResult.ok();
        }
    }

    /** 30 fruits, the 5th with a label far too long for a screen, labels in the session's language. */
    @Singleton
    @Requires(property = "afyadial.ussd.menus-dir", value = MENUS)
    static class Fruits implements UssdAction {
        @Override
        public String name() {
            return "fruits";
        }

        @Override
        public ActionResult run(ActionContext context) {
            String word = switch (context.language()) {
                case "fr" -> "Fruit numero";
                case "sw" -> "Tunda nambari";
                default -> "Fruit number";
            };
            List<ListItem> items = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                String label = i == 5 ? (word + " cinq ").repeat(20) : word + " " + i;
                items.add(new ListItem("fruit-" + i, label));
            }
            return ActionResult.items(items);
        }
    }

    @Singleton
    @Requires(property = "afyadial.ussd.menus-dir", value = MENUS)
    static class CheckPin implements UssdAction {
        @Override
        public String name() {
            return "checkPin";
        }

        @Override
        public ActionResult run(ActionContext context) {
            return ActionResult.outcome("1234".equals(context.input()) ? "ok" : "wrong");
        }
    }

    /** Counts its runs; a test can hold it inside the run to line up a concurrent duplicate. */
    @Singleton
    @Requires(property = "afyadial.ussd.menus-dir", value = MENUS)
    static class PlaceOrder implements UssdAction {
        final AtomicInteger runs = new AtomicInteger();
        volatile CountDownLatch entered = new CountDownLatch(0);
        volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        public String name() {
            return "placeOrder";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            int n = runs.incrementAndGet();
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            context.put("orderNo", "ORD-" + n);
            return ActionResult.ok();
        }
    }

    @Singleton
    @Requires(property = "afyadial.ussd.menus-dir", value = MENUS)
    static class Explode implements UssdAction {
        @Override
        public String name() {
            return "explode";
        }

        @Override
        public ActionResult run(ActionContext context) {
            throw new IllegalStateException("test failure inside an action");
        }
    }
}
