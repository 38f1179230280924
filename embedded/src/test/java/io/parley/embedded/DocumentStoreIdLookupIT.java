package io.parley.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries that name an {@code _id} among other conditions (the services' compare-and-set writes) are answered
 * from the {@code _id} index ({@link IdLookupH2Backend}); these tests pin that they mean exactly what they
 * meant when the store scanned the collection; documents are kept in the file as BSON, and a file written
 * before (Java serialization) still reads.
 */
class DocumentStoreIdLookupIT {

    @TempDir
    Path data;

    private EmbeddedDocumentStore store;
    private MongoClient client;
    private MongoCollection<Document> enquiries;

    @BeforeEach
    void startWithManyEnquiries() {
        store = EmbeddedDocumentStore.start(data.resolve("store.mv"), 0);
        client = MongoClients.create(store.connectionString());
        enquiries = client.getDatabase("parley-test").getCollection("enquiries");
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(new Document("_id", "e" + i)
                    .append("state", i % 2 == 0 ? "OPEN" : "CLOSED")
                    .append("version", 1L)
                    .append("n", i));
        }
        enquiries.insertMany(many);
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void aCompareAndSetByIdAndVersionSucceedsOnceAndChangesOnlyThatDocument() {
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

        Document first = enquiries.findOneAndUpdate(
                and(eq("_id", "e42"), eq("version", 1L)),
                Updates.combine(Updates.set("state", "ONGOING"), Updates.inc("version", 1L)),
                after);
        Document second = enquiries.findOneAndUpdate(
                and(eq("_id", "e42"), eq("version", 1L)),
                Updates.combine(Updates.set("state", "MISSED"), Updates.inc("version", 1L)),
                after);

        assertThat(first).containsEntry("state", "ONGOING").containsEntry("version", 2L);
        assertThat(second).isNull();
        assertThat(enquiries.find(eq("_id", "e42")).first()).containsEntry("state", "ONGOING");
        assertThat(enquiries.countDocuments(eq("state", "ONGOING"))).isEqualTo(1);
    }

    @Test
    void everyConditionBesideTheIdStillHolds() {
        // Written as one document ({_id, state}) and as the driver's and() writes it ({$and: [...]}).
        assertThat(enquiries
                        .find(new Document("_id", "e42").append("state", "OPEN"))
                        .first())
                .containsEntry("n", 42);
        assertThat(enquiries
                        .find(new Document("_id", "e43").append("state", "OPEN"))
                        .first())
                .isNull();
        assertThat(enquiries.find(and(eq("_id", "e42"), eq("state", "OPEN"))).first())
                .containsEntry("n", 42);
        assertThat(enquiries.find(and(eq("_id", "e43"), eq("state", "OPEN"))).first())
                .isNull();
        assertThat(enquiries
                        .find(and(eq("_id", "e42"), or(eq("state", "CLOSED"), gt("n", 40))))
                        .first())
                .containsEntry("n", 42);
        assertThat(enquiries
                        .find(and(eq("_id", "no-such"), eq("state", "OPEN")))
                        .first())
                .isNull();
        // Not a single id: answered as before, by matching every document.
        assertThat(enquiries
                        .find(and(in("_id", "e1", "e2", "e3"), eq("state", "OPEN")))
                        .into(new ArrayList<>()))
                .extracting(document -> document.get("_id"))
                .containsExactly("e2");
    }

    @Test
    void conditionalUpdatesAndDeletesTouchOnlyTheDocumentWithThatId() {
        assertThat(enquiries
                        .updateOne(and(eq("_id", "e10"), eq("state", "OPEN")), Updates.set("state", "CLOSED"))
                        .getModifiedCount())
                .isEqualTo(1);
        assertThat(enquiries
                        .updateOne(and(eq("_id", "e11"), eq("state", "OPEN")), Updates.set("state", "MISSED"))
                        .getModifiedCount())
                .isZero();
        assertThat(enquiries
                        .deleteOne(and(eq("_id", "e12"), eq("state", "OPEN")))
                        .getDeletedCount())
                .isEqualTo(1);

        assertThat(enquiries.countDocuments(eq("state", "OPEN"))).isEqualTo(248);
        assertThat(enquiries.countDocuments(eq("state", "MISSED"))).isZero();
        assertThat(enquiries.countDocuments()).isEqualTo(499);
    }

    @Test
    void anAndOfTheFieldsOfAUniqueIndexFindsTheOneDocumentAndNothingElse() {
        MongoCollection<Document> messages = client.getDatabase("parley-test").getCollection("messages");
        messages.createIndex(Indexes.ascending("enquiryId", "dedupeKey"), new IndexOptions().unique(true));
        for (int i = 0; i < 100; i++) {
            messages.insertOne(new Document("_id", "m" + i)
                    .append("enquiryId", "e" + (i % 10))
                    .append("dedupeKey", "k" + i)
                    .append("seq", i));
        }

        assertThat(messages.find(and(eq("enquiryId", "e3"), eq("dedupeKey", "k13")))
                        .first())
                .containsEntry("seq", 13);
        assertThat(messages.find(and(eq("enquiryId", "e4"), eq("dedupeKey", "k13")))
                        .first())
                .isNull();
        assertThat(messages.find(and(eq("enquiryId", "e3"), gt("seq", 50))).into(new ArrayList<>()))
                .extracting(document -> document.get("seq"))
                .containsExactlyInAnyOrder(53, 63, 73, 83, 93);
        // A field named twice is not merged: both conditions must hold.
        assertThat(messages.find(and(gt("seq", 10), eq("seq", 5))).first()).isNull();
    }

    @Test
    void aStoreFileWrittenByThePlainH2BackendIsReadAsBefore() {
        Path file = data.resolve("older.mv");
        MVStore older = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer plain = new MongoServer(new H2Backend(older));
        String uri = "mongodb://127.0.0.1:" + plain.bind().getPort();
        try (MongoClient writer = MongoClients.create(uri)) {
            MongoCollection<Document> rooms = writer.getDatabase("parley-test").getCollection("rooms");
            rooms.createIndex(Indexes.ascending("enquiryId", "seat"), new IndexOptions().unique(true));
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                many.add(new Document("_id", "r" + i)
                        .append("version", (long) i)
                        .append("enquiryId", "e" + (i % 7))
                        .append("seat", i));
            }
            rooms.insertMany(many);
        } finally {
            plain.shutdownNow();
            older.commit();
            older.close();
        }

        // Documents in Java serialization, index keys in the order of their serialized bytes: both still read,
        // and the indexes (put into value order on opening) still find every document and refuse duplicates.
        try (EmbeddedDocumentStore reopened = EmbeddedDocumentStore.start(file, 0);
                MongoClient reader = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> rooms = reader.getDatabase("parley-test").getCollection("rooms");
            for (int i = 0; i < 300; i++) {
                assertThat(rooms.find(and(eq("_id", "r" + i), eq("version", (long) i)))
                                .first())
                        .as("r%d", i)
                        .isNotNull();
                assertThat(rooms.find(and(eq("enquiryId", "e" + (i % 7)), eq("seat", i)))
                                .first())
                        .as("r%d by its unique pair", i)
                        .containsEntry("_id", "r" + i);
            }
            assertThatThrownBy(() -> rooms.insertOne(new Document("_id", "r5")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class);
            assertThatThrownBy(() -> rooms.insertOne(
                            new Document("_id", "x").append("enquiryId", "e5").append("seat", 5)))
                    .isInstanceOf(com.mongodb.MongoWriteException.class);
            rooms.insertOne(new Document("_id", "r300").append("version", 300L)); // written as BSON
        }
        try (EmbeddedDocumentStore again = EmbeddedDocumentStore.start(file, 0);
                MongoClient reader = MongoClients.create(again.connectionString())) {
            MongoCollection<Document> rooms = reader.getDatabase("parley-test").getCollection("rooms");
            assertThat(rooms.countDocuments()).isEqualTo(301);
            assertThat(rooms.find(eq("_id", "r300")).first()).containsEntry("version", 300L);
            assertThat(rooms.find(and(eq("_id", "r17"), eq("version", 17L))).first())
                    .isNotNull();
        }
    }

    @Test
    void aQueryOnAnIndexedFieldFindsExactlyTheDocumentsItMatchesAsTheyChange() {
        MongoCollection<Document> rooms = client.getDatabase("parley-test").getCollection("rooms");
        rooms.createIndex(Indexes.ascending("roomId"), new IndexOptions().sparse(true));
        for (int i = 0; i < 200; i++) {
            rooms.insertOne(
                    new Document("_id", "e" + i).append("roomId", "room-" + i).append("n", i));
        }
        assertThat(rooms.find(eq("roomId", "room-7")).first()).containsEntry("_id", "e7");
        assertThat(rooms.find(eq("roomId", "room-none")).first()).isNull();

        rooms.updateOne(eq("_id", "e7"), Updates.set("roomId", "room-7b"));
        rooms.insertOne(new Document("_id", "x").append("roomId", List.of("room-9", "room-x")));
        rooms.insertOne(new Document("_id", "n").append("roomId", 5L));
        rooms.deleteOne(eq("_id", "e8"));

        assertThat(rooms.find(eq("roomId", "room-7")).first()).isNull();
        assertThat(rooms.find(eq("roomId", "room-7b")).first()).containsEntry("_id", "e7");
        assertThat(rooms.find(eq("roomId", "room-8")).first()).isNull();
        assertThat(rooms.find(eq("roomId", "room-9"))
                        .map(d -> d.getString("_id"))
                        .into(new ArrayList<>()))
                .containsExactlyInAnyOrder("e9", "x");
        assertThat(rooms.find(eq("roomId", 5)).first()).containsEntry("_id", "n"); // 5 and 5L are equal
        assertThat(rooms.find(and(eq("roomId", "room-10"), gt("n", 10))).first())
                .isNull();
        assertThat(rooms.find(and(eq("roomId", "room-11"), gt("n", 10))).first())
                .containsEntry("_id", "e11");
        assertThat(rooms.countDocuments(eq("roomId", "room-12"))).isEqualTo(1);

        // after a restart the lookups are built again from the file
        client.close();
        store.close();
        store = EmbeddedDocumentStore.start(data.resolve("store.mv"), 0);
        client = MongoClients.create(store.connectionString());
        MongoCollection<Document> reopened = client.getDatabase("parley-test").getCollection("rooms");
        assertThat(reopened.find(eq("roomId", "room-7b")).first()).containsEntry("_id", "e7");
        assertThat(reopened.find(eq("roomId", "room-7")).first()).isNull();
    }

    @Test
    void theFirstFieldOfAUniqueIndexFindsTheLastOfAnEnquirysMessagesAndThoseAfterOne() {
        MongoCollection<Document> messages = client.getDatabase("parley-test").getCollection("messages");
        messages.createIndex(Indexes.ascending("enquiryId", "seq"), new IndexOptions().unique(true));
        for (int e = 0; e < 20; e++) {
            for (long seq = 1; seq <= 10; seq++) {
                messages.insertOne(new Document("enquiryId", "e" + e).append("seq", seq));
            }
        }

        Document last = messages.find(eq("enquiryId", "e3"))
                .sort(Indexes.descending("seq"))
                .first();
        assertThat(last).containsEntry("enquiryId", "e3").containsEntry("seq", 10L);
        assertThat(messages.find(and(eq("enquiryId", "e4"), gt("seq", 7L)))
                        .sort(Indexes.ascending("seq"))
                        .map(d -> d.getLong("seq"))
                        .into(new ArrayList<>()))
                .containsExactly(8L, 9L, 10L);
    }

    @Test
    void documentsOfEveryKindTheServicesWriteReadBackTheSameAfterARestart() {
        Document everyKind = new Document("_id", "k1")
                .append("text", "Grüße, 你好 <b>")
                .append("int", 42)
                .append("long", 9_000_000_000L)
                .append("double", 0.25)
                .append("flag", true)
                .append("nothing", null)
                .append("at", new java.util.Date(1_764_050_000_123L))
                .append("id", new org.bson.types.ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}))
                .append("money", org.bson.types.Decimal128.parse("12.30"))
                .append("list", List.of("a", 1, List.of(2L)))
                .append("nested", new Document("deep", new Document("x", List.of(new Document("y", "z")))));
        enquiries.insertOne(everyKind);
        enquiries.updateOne(eq("_id", "e7"), Updates.set("state", "ACCEPTED"));
        client.close();
        store.close();

        store = EmbeddedDocumentStore.start(data.resolve("store.mv"), 0);
        client = MongoClients.create(store.connectionString());
        MongoCollection<Document> reopened = client.getDatabase("parley-test").getCollection("enquiries");

        assertThat(reopened.find(eq("_id", "k1")).first()).isEqualTo(everyKind);
        assertThat(reopened.find(eq("_id", "e7")).first()).containsEntry("state", "ACCEPTED");
        assertThat(reopened.countDocuments()).isEqualTo(501);
    }

    @Test
    void documentsChangedBetweenCommitsOfTheirPagesReadBackTheirLastVersionAfterARestart() {
        // The 500 enquiries share pages; each round changes some of them and commits the file (fsync), so every
        // page is written again several times with documents that did not change beside ones that did, and the
        // changed ones must be written as they are now (mongo-java-server changes a stored document in place and
        // puts the same object back: anything that kept a document's encoded form would have to forget it).
        for (int round = 1; round <= 4; round++) {
            for (int i = round; i < 500; i += 7) {
                enquiries.updateOne(
                        eq("_id", "e" + i),
                        Updates.combine(
                                Updates.set("state", "ROUND" + round),
                                Updates.inc("version", 1L),
                                Updates.push("history", round)));
            }
            client.getDatabase("admin").runCommand(new Document("fsync", 1));
        }
        enquiries.deleteOne(eq("_id", "e3"));
        enquiries.insertOne(new Document("_id", "e3").append("state", "AGAIN").append("version", 1L));
        client.close();
        store.close();

        store = EmbeddedDocumentStore.start(data.resolve("store.mv"), 0);
        client = MongoClients.create(store.connectionString());
        MongoCollection<Document> reopened = client.getDatabase("parley-test").getCollection("enquiries");

        for (int i = 0; i < 500; i++) {
            List<Integer> rounds = new ArrayList<>();
            for (int round = 1; round <= 4; round++) {
                if (i >= round && (i - round) % 7 == 0) {
                    rounds.add(round);
                }
            }
            Document read = reopened.find(eq("_id", "e" + i)).first();
            assertThat(read).as("e" + i).isNotNull();
            if (i == 3) {
                assertThat(read).containsEntry("state", "AGAIN").doesNotContainKey("history");
            } else if (rounds.isEmpty()) {
                assertThat(read).containsEntry("version", 1L).doesNotContainKey("history");
            } else {
                assertThat(read)
                        .as("e" + i)
                        .containsEntry("state", "ROUND" + rounds.getLast())
                        .containsEntry("version", 1L + rounds.size())
                        .containsEntry("history", rounds);
            }
        }
    }
}
