package org.afyadial.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.StartupEvent;
import org.afyadial.AllAtOnce;
import org.afyadial.TestStoreSwitch;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** {@code AFYADIAL_ADMIN_PASSWORD}: the first administrator, created once, never twice. */
class AdminBootstrapTest {

    private static final String PASSWORD = "first-admin-pass";

    @TempDir
    Path dataDir;

    @Test
    void withoutThePasswordNoAdminIsCreated() {
        try (ApplicationContext context = ApplicationContext.run(settings(null))) {
            assertFalse(context.containsBean(AdminBootstrap.class));
            assertTrue(context.getBean(StaffUserRepository.class).findByUsername(AdminBootstrap.USERNAME).isEmpty());
        }
    }

    @Test
    void theAdminIsCreatedAtTheFirstStartAndKeptAtTheNext() {
        assumeFalse(TestStoreSwitch.usesContainer(), "a restart needs the embedded file store");
        Map<String, Object> fileStore = new HashMap<>(settings(PASSWORD));
        fileStore.putAll(Map.of("afyadial.store.in-memory", false, "afyadial.data-dir", dataDir.toString()));
        String firstHash;
        try (ApplicationContext first = ApplicationContext.run(fileStore)) {
            StaffUser admin = first.getBean(StaffUserRepository.class).findByUsername(AdminBootstrap.USERNAME).orElseThrow();
            assertEquals(EnumSet.of(Role.ADMIN), admin.roles());
            assertTrue(admin.enabled());
            assertTrue(first.getBean(Passwords.class).matches(PASSWORD, admin.passwordHash()));
            firstHash = admin.passwordHash();
        }

        fileStore.put("afyadial.admin-password", "another-password-now");
        try (ApplicationContext second = ApplicationContext.run(fileStore)) {
            StaffUser admin = second.getBean(StaffUserRepository.class).findByUsername(AdminBootstrap.USERNAME).orElseThrow();
            assertEquals(firstHash, admin.passwordHash(), "an enabled ADMIN exists: the bootstrap leaves it alone");
        }
    }

    @Test
    void aDisabledAdminIsEnabledAgainWithThePassword() {
        try (ApplicationContext context = ApplicationContext.run(settings(PASSWORD))) {
            StaffUserRepository users = context.getBean(StaffUserRepository.class);
            StaffUser admin = users.findByUsername(AdminBootstrap.USERNAME).orElseThrow();
            users.setRoles(admin.id(), EnumSet.of(Role.LAB));
            users.setEnabled(admin.id(), false);

            context.getBean(AdminBootstrap.class).onApplicationEvent(new StartupEvent(context));

            StaffUser restored = users.findByUsername(AdminBootstrap.USERNAME).orElseThrow();
            assertTrue(restored.enabled());
            assertEquals(EnumSet.of(Role.ADMIN, Role.LAB), restored.roles());
        }
    }

    @Test
    void twoInstancesStartingTogetherMakeOneAdmin() {
        try (ApplicationContext context = ApplicationContext.run(settings(PASSWORD))) {
            var users = context.getBean(Store.class).collection(StaffUser.COLLECTION);
            users.deleteMany(new Document());
            AdminBootstrap bootstrap = context.getBean(AdminBootstrap.class);

            AllAtOnce.run(2, () -> {
                bootstrap.onApplicationEvent(new StartupEvent(context));
                return true;
            });

            assertEquals(1, users.countDocuments(new Document("username", AdminBootstrap.USERNAME)));
        }
    }

    @Test
    void aShortPasswordStopsTheStartWithoutShowingIt() {
        var failure = assertThrows(RuntimeException.class, () -> ApplicationContext.run(settings("short")).close());

        String messages = causes(failure);
        assertTrue(messages.contains("AFYADIAL_ADMIN_PASSWORD must be at least 10 characters"), messages);
        assertFalse(messages.contains("short\""), messages);
    }

    private static Map<String, Object> settings(String adminPassword) {
        Map<String, Object> settings = new HashMap<>(Map.of("afyadial.auth.bcrypt-cost", 4, "afyadial.store.in-memory", true));
        if (adminPassword != null) {
            settings.put("afyadial.admin-password", adminPassword);
        }
        return settings;
    }

    private static String causes(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
