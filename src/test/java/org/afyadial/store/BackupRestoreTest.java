package org.afyadial.store;

import io.micronaut.context.ApplicationContext;
import org.afyadial.TestStoreSwitch;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** {@code backup} copies the store of a running service, {@code restore} brings the copy back once it is stopped. */
class BackupRestoreTest {

    private static final String WRITTEN_AFTER = "written_after_the_backup";

    @TempDir
    Path dataDir;
    @TempDir
    Path elsewhere;

    @Test
    void aBackupTakenWhileTheServiceRunsRestoresEveryCollectionAsItWasThen() {
        assumeFalse(TestStoreSwitch.usesContainer(), "the embedded store's file is what is copied");
        Map<String, Object> fileStore = Map.of("afyadial.data-dir", dataDir.toString(), "afyadial.store.in-memory", false);
        Path backup = elsewhere.resolve("clinic-backup.zip");
        List<String> collections;

        try (ApplicationContext running = ApplicationContext.run(fileStore)) {
            Store store = running.getBean(Store.class);
            collections = running.getBeansOfType(CollectionIndexes.class).stream()
                    .filter(declared -> !declared.shortLived()).map(CollectionIndexes::collection).distinct().toList();
            collections.forEach(name -> store.collection(name).insertOne(new Document("_id", "probe").append("n", 1)));

            BackupCommands.backup(dataDir, backup);

            collections.forEach(name -> store.collection(name).updateOne(eq("_id", "probe"), new Document("$set", new Document("n", 2))));
            // a collection no feature declares: its document meets no unique index the probe already holds
            store.collection(WRITTEN_AFTER).insertOne(new Document("_id", "after the backup"));
            assertThrows(IllegalStateException.class, () -> BackupCommands.restore(dataDir, backup), "refused while running");
        }

        BackupCommands.restore(dataDir, backup);

        assertTrue(Files.exists(dataDir.resolve("afyadial.mv.before-restore")), "the replaced file is kept");
        try (ApplicationContext restored = ApplicationContext.run(fileStore)) {
            Store store = restored.getBean(Store.class);
            assertTrue(collections.size() > 10, "every feature's collections: " + collections);
            for (String name : collections) {
                assertEquals(1, store.collection(name).find(eq("_id", "probe")).first().getInteger("n"), name);
            }
            assertFalse(store.collection(WRITTEN_AFTER).find(eq("_id", "after the backup")).iterator().hasNext());
        }
    }

    @Test
    void aFileThatIsNoBackupIsRefusedAndTheStoreLeftAlone() throws Exception {
        Path notABackup = Files.writeString(elsewhere.resolve("notes.zip"), "not a zip");
        Files.writeString(dataDir.resolve("afyadial.mv"), "the store");

        assertThrows(IllegalArgumentException.class, () -> BackupCommands.restore(dataDir, notABackup));

        assertEquals("the store", Files.readString(dataDir.resolve("afyadial.mv")));
    }
}
