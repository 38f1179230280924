package io.parley.chatroom.channelinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.chatroom.ChatroomUnderTest;
import io.parley.events.Channel;
import io.parley.events.Topics;
import io.parley.events.channel.ChannelAccountPublished;
import io.parley.events.channel.ChannelAccountPublished.CustomInfoField;
import io.parley.events.channel.ChannelAccountRemoved;
import io.parley.kit.kafka.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * chatroom-service keeps the latest public snapshot of each channel account from {@code channel.account.v1}.
 * It runs on the module's one service under test: a second chatroom-service in the test JVM would take a
 * share of the other tests' events into its own database.
 */
class ChannelInfoDirectoryIT {

    private static final Instant T1 = Instant.parse("2026-11-24T10:00:00Z");

    static EventPublisher events;
    static ChannelInfoDirectory directory;

    @BeforeAll
    static void start() {
        ChatroomUnderTest chatroom = ChatroomUnderTest.get();
        events = chatroom.events;
        directory = chatroom.context.getBean(ChannelInfoDirectory.class);
    }

    @Test
    void aPublishedAccountBecomesVisibleWithItsCustomInfo() {
        String id = "acc-" + UUID.randomUUID();

        events.publishAndWait(Topics.CHANNEL_ACCOUNT, id, published(id, "Shop page", T1));

        ChannelInfo info = await().atMost(Duration.ofSeconds(20))
                .until(() -> directory.byAccountId(id), Optional::isPresent)
                .orElseThrow();
        assertThat(info.name()).isEqualTo("Shop page");
        assertThat(info.customInfo()).containsExactly(new CustomInfoField("Subscription", "Gold"));
    }

    @Test
    void anOlderSnapshotArrivingLateDoesNotOverwriteANewerOne() {
        String id = "acc-" + UUID.randomUUID();
        String marker = "acc-" + UUID.randomUUID();

        events.publishAndWait(Topics.CHANNEL_ACCOUNT, id, published(id, "Renamed page", T1.plusSeconds(60)));
        events.publishAndWait(Topics.CHANNEL_ACCOUNT, id, published(id, "Old name", T1));
        // Same key order is guaranteed only per key; a second key's event tells us the consumer got past both.
        events.publishAndWait(Topics.CHANNEL_ACCOUNT, id, published(id, "Old name", T1));
        events.publishAndWait(Topics.CHANNEL_ACCOUNT, marker, published(marker, "Marker", T1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> directory.byAccountId(marker).isPresent());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> directory.byAccountId(id).isPresent());

        assertThat(directory.byAccountId(id).orElseThrow().name()).isEqualTo("Renamed page");
    }

    @Test
    void aRemovedAccountDisappears() {
        String id = "acc-" + UUID.randomUUID();
        events.publishAndWait(Topics.CHANNEL_ACCOUNT, id, published(id, "Short-lived", T1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> directory.byAccountId(id).isPresent());

        events.publishAndWait(Topics.CHANNEL_ACCOUNT, id, new ChannelAccountRemoved(id, T1.plusSeconds(1)));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> directory.byAccountId(id).isEmpty());
    }

    @Test
    void anOlderSnapshotArrivingAfterTheRemovalDoesNotBringTheAccountBack() {
        String id = "acc-" + UUID.randomUUID();
        String marker = "acc-" + UUID.randomUUID();

        events.publishAndWait(Topics.CHANNEL_ACCOUNT, id, new ChannelAccountRemoved(id, T1.plusSeconds(10)));
        events.publishAndWait(Topics.CHANNEL_ACCOUNT, id, published(id, "Stale", T1));
        events.publishAndWait(Topics.CHANNEL_ACCOUNT, id, published(marker, "Marker", T1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> directory.byAccountId(marker).isPresent());

        assertThat(directory.byAccountId(id)).isEmpty();
    }

    private static ChannelAccountPublished published(String id, String name, Instant at) {
        return new ChannelAccountPublished(
                id, Channel.LINE, name, true, List.of(new CustomInfoField("Subscription", "Gold")), at);
    }
}
