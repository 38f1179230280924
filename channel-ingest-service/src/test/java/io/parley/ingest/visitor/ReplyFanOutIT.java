package io.parley.ingest.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Sender;
import io.parley.events.Topics;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.ChannelIngestServiceApplication;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.web.Widget;
import io.parley.testsupport.TestInfrastructure;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service share the consumer group, so only one of them stores a given reply; a socket
 * on either instance still gets it live.
 */
class ReplyFanOutIT extends RunningIngest {

    @Test
    void aReplyReachesTheVisitorsSocketsOnEveryInstance() throws Exception {
        String tag = givenTag("Sales");
        Widget widget = givenWidget(List.of(tag), false, null);
        Conversation conversation = start(widget.id(), "TAG", tag, "hello");
        ConversationKey key = new ConversationKey(Channel.WEB, widget.id(), conversation.id());
        try (ConfigurableApplicationContext second = ChannelIngestServiceApplication.application()
                        .run(
                                "--server.port=0",
                                "--management.server.port=" + TestInfrastructure.freePort(),
                                "--parley.kafka.bootstrap=" + TestInfrastructure.kafkaBootstrap(),
                                "--parley.kafka.partitions=2",
                                "--parley.mongo.uri=" + TestInfrastructure.mongoUri(),
                                "--parley.mongo.database=channel-ingest-it",
                                "--parley.auth.jwks-uri=" + JWKS.uri());
                SocketClient onFirst = SocketClient.connect(socketUri(port, conversation.token()));
                SocketClient onSecond = SocketClient.connect(socketUri(localPort(second), conversation.token()))) {
            onFirst.next("hello");
            onSecond.next("hello");

            for (int i = 1; i <= 3; i++) {
                events.publishAndWait(
                        Topics.CHANNEL_OUTBOUND_MESSAGE,
                        key,
                        new OutboundMessageRequested(
                                "out-" + UUID.randomUUID(),
                                key,
                                OutboundMessageRequested.Purpose.REPLY,
                                "room-9",
                                (long) i,
                                Sender.staff("alice", "Alice"),
                                "reply " + i,
                                List.of(),
                                Instant.now()));
            }

            for (SocketClient socket : List.of(onFirst, onSecond)) {
                List<JsonNode> received = List.of(socket.nextMessage(), socket.nextMessage(), socket.nextMessage());
                assertThat(received)
                        .extracting(m -> m.path("text").asString())
                        .containsExactly("reply 1", "reply 2", "reply 3");
                assertThat(received).extracting(m -> m.path("seq").asLong()).containsExactly(2L, 3L, 4L);
            }
        }
    }

    private static int localPort(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static URI socketUri(int port, String token) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/visitor?token=" + token);
    }
}
