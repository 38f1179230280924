package io.parley.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureIT {

    @TempDir
    Path data;

    @Test
    void brokerKeepsTopicsAndRecordsAcrossARestart() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), port, controllerPort, 2)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("greetings", 2, (short) 1)))
                        .all()
                        .get();
            }
            try (KafkaProducer<String, String> producer = producer(broker)) {
                producer.send(new ProducerRecord<>("greetings", "k", "hello")).get();
            }
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), port, controllerPort, 2);
                KafkaConsumer<String, String> consumer = consumer(broker)) {
            consumer.subscribe(List.of("greetings"));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            assertThat(values).containsExactly("hello");
        }
    }

    @Test
    void storeKeepsEveryWriteAcrossACleanStop() {
        Path file = data.resolve("store.mv");
        try (EmbeddedDocumentStore store = EmbeddedDocumentStore.start(file, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> staff = client.getDatabase("parley-test").getCollection("staff");
            for (int i = 0; i < 100; i++) {
                staff.insertOne(new Document("_id", "s" + i).append("name", "Staff " + i));
            }
        }

        try (EmbeddedDocumentStore store = EmbeddedDocumentStore.start(file, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> staff = client.getDatabase("parley-test").getCollection("staff");
            assertThat(staff.countDocuments()).isEqualTo(100);
            assertThat(staff.find(new Document("_id", "s99")).first()).containsEntry("name", "Staff 99");
        }
    }

    @Test
    void aDamagedStoreFileIsReportedInOneSentence() throws IOException {
        Path file = data.resolve("broken.mv");
        Files.write(
                file,
                "this is not an MVStore file, not at all, it is just text"
                        .repeat(100)
                        .getBytes());

        assertThatThrownBy(() -> EmbeddedDocumentStore.start(file, 0))
                .isInstanceOf(EmbeddedStartException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("move it away");
    }

    @Test
    void aDamagedKafkaDirectoryIsReportedInOneSentence() throws IOException {
        Path dir = data.resolve("kafka-broken");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("meta.properties"), "node.id=banana\nversion=7\n");

        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, freePort(), freePort(), 1))
                .isInstanceOf(EmbeddedStartException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("move it away");
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker broker) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
    }

    static int freePort() {
        return FreePorts.next();
    }
}
