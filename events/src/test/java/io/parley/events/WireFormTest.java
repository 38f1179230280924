package io.parley.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Pins the wire form of every event to a golden file under {@code src/test/resources/wire/}: renaming a
 * type, a field or an enum constant, or dropping a field, fails here before it breaks a consumer.
 *
 * <p>A new event needs a sample in {@link EventSamples} and its golden file; run once with
 * {@code -Dparley.wire.write=true} to write missing files, then review them like code.
 */
class WireFormTest {

    private static final Path GOLDEN = Path.of("src/test/resources/wire");

    static Stream<Object> samples() {
        return EventSamples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eventIsWrittenExactlyAsItsGoldenFile(Object sample) {
        Topic<?, ?> topic = topicOf(sample);
        byte[] written = encode(topic, EventSamples.envelope(sample));
        Path golden = GOLDEN.resolve(EventCodec.typeOf(sample.getClass()).value() + ".json");
        writeIfAsked(golden, written);

        assertThat(golden)
                .as("golden file for " + sample.getClass().getSimpleName())
                .exists();
        JsonNode expected = EventJson.mapper().readTree(read(golden));
        JsonNode actual = EventJson.mapper().readTree(written);
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void goldenFileReadsBackToTheSameEvent(Object sample) {
        Topic<?, ?> topic = topicOf(sample);
        Path golden = GOLDEN.resolve(EventCodec.typeOf(sample.getClass()).value() + ".json");

        Envelope<?> read = topic.codec().decode(topic.name(), read(golden));

        assertThat(read).isEqualTo(EventSamples.envelope(sample));
    }

    @Test
    void everyEventOfEveryTopicHasASample() {
        Set<String> declared = new TreeSet<>();
        Topics.all().forEach(topic -> declared.addAll(topic.codec().typeNames()));

        assertThat(new TreeSet<>(EventSamples.byType().keySet())).isEqualTo(declared);
    }

    @Test
    void everyGoldenFileBelongsToAnEvent() throws IOException {
        Set<String> declared = new TreeSet<>();
        Topics.all().forEach(topic -> declared.addAll(topic.codec().typeNames()));
        try (Stream<Path> files = Files.list(GOLDEN)) {
            List<String> names = files.map(p -> p.getFileName().toString().replace(".json", ""))
                    .toList();
            assertThat(declared).containsAll(names);
        }
    }

    @Test
    void idAndTypeAlsoTravelAsHeaders() {
        Object sample = EventSamples.byType().get("enquiry.accepted");
        Envelope<Object> envelope = EventSamples.envelope(sample);
        RecordHeaders headers = new RecordHeaders();

        @SuppressWarnings("unchecked")
        Topic<String, Object> topic = (Topic<String, Object>) topicOf(sample);
        topic.valueSerde().serializer().serialize(topic.name(), headers, envelope);

        assertThat(EventHeaders.read(headers, EventHeaders.EVENT_ID))
                .isEqualTo(envelope.eventId().toString());
        assertThat(EventHeaders.read(headers, EventHeaders.EVENT_TYPE)).isEqualTo("enquiry.accepted");
    }

    @Test
    void unknownTypeIsReportedAsSuch() {
        byte[] bytes = """
                {"eventId":"00000000-0000-0000-0000-000000000001","type":"enquiry.teleported","version":1,
                 "occurredAt":"2026-11-24T09:00:00Z","payload":{}}""".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Topics.ENQUIRY_LIFECYCLE.codec().decode("enquiry.lifecycle.v1", bytes))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("enquiry.teleported");
    }

    @Test
    void malformedValueIsAPoisonPillNotACrash() {
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] missingField = """
                {"eventId":"00000000-0000-0000-0000-000000000001","type":"enquiry.accepted","version":1,
                 "occurredAt":"2026-11-24T09:00:00Z","payload":{"enquiryId":"e"}}""".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Topics.ENQUIRY_LIFECYCLE.codec().decode("t", notJson))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> Topics.ENQUIRY_LIFECYCLE.codec().decode("t", missingField))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        byte[] bytes = """
                {"eventId":"00000000-0000-0000-0000-000000000001","type":"routing.tag-removed","version":1,
                 "occurredAt":"2026-11-24T09:00:00Z","payload":{"tagId":"sales","removedAt":"2026-11-24T09:00:00Z",
                 "removedBy":"someone"},"traceId":"abc"}""".getBytes(StandardCharsets.UTF_8);

        Envelope<?> read = Topics.ROUTING_DESTINATION.codec().decode("routing.destination.v1", bytes);

        assertThat(read.payload()).isEqualTo(EventSamples.byType().get("routing.tag-removed"));
    }

    private static Topic<?, ?> topicOf(Object sample) {
        return Topics.all().stream()
                .filter(topic -> topic.codec().eventInterface().isInstance(sample))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no topic carries " + sample.getClass()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] encode(Topic<?, ?> topic, Envelope<?> envelope) {
        return ((EventCodec) topic.codec()).encode(envelope);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeIfAsked(Path golden, byte[] written) {
        if (Boolean.getBoolean("parley.wire.write") && !Files.exists(golden)) {
            try {
                Files.createDirectories(golden.getParent());
                JsonNode tree = EventJson.mapper().readTree(written);
                Files.writeString(
                        golden,
                        EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
