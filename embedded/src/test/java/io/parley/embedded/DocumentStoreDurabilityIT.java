package io.parley.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hard kill of the embedded store keeps: the writes committed to its file, and no others. The store
 * commits on its own a while after a write (here an hour, so that nothing commits by itself during a test) and
 * at once on MongoDB's {@code fsync} command, which the services' consumers send before committing offsets.
 */
class DocumentStoreDurabilityIT {

    private static final Duration NEVER_BY_ITSELF = Duration.ofHours(1);

    @TempDir
    Path data;

    @Test
    void aHardKillLosesTheWritesNotYetCommittedToTheFile() {
        EmbeddedDocumentStore store = EmbeddedDocumentStore.start(data.resolve("store.mv"), 0, NEVER_BY_ITSELF);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("durability").getCollection("things").insertOne(new Document("_id", "before"));
            store.close(); // a clean stop commits
        }
        store = EmbeddedDocumentStore.start(data.resolve("store.mv"), 0, NEVER_BY_ITSELF);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("durability").getCollection("things").insertOne(new Document("_id", "acknowledged"));
            store.halt();
        }

        assertThat(idsAfterRestart()).containsExactly("before");
    }

    @Test
    void fsyncCommitsEveryAcknowledgedWriteBeforeItAnswers() {
        EmbeddedDocumentStore store = EmbeddedDocumentStore.start(data.resolve("store.mv"), 0, NEVER_BY_ITSELF);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            var things = client.getDatabase("durability").getCollection("things");
            things.insertOne(new Document("_id", "first"));
            things.insertOne(new Document("_id", "second"));

            Document reply = client.getDatabase("admin").runCommand(new Document("fsync", 1));
            things.insertOne(new Document("_id", "after the fsync"));
            long served = store.fsyncs();
            store.halt();

            assertThat(reply.get("ok", Number.class).doubleValue()).isEqualTo(1.0);
            assertThat(served).isEqualTo(1);
        }

        assertThat(idsAfterRestart()).containsExactly("first", "second");
    }

    private List<Object> idsAfterRestart() {
        EmbeddedDocumentStore store = EmbeddedDocumentStore.start(data.resolve("store.mv"), 0);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            return client.getDatabase("durability")
                    .getCollection("things")
                    .find()
                    .sort(new Document("_id", 1))
                    .map(d -> d.get("_id"))
                    .into(new ArrayList<>());
        } finally {
            store.close();
        }
    }
}
