package io.parley.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Sender;
import io.parley.events.Topics;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.RunningIngest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A running service with the simulator on: what the page sees of a conversation, and staff replying. */
abstract class RunningSimulator extends RunningIngest {

    /** The conversation as the page fetches it. */
    protected JsonNode conversation(Channel channel, String customerId) {
        HttpResponse<String> response =
                get("/simulator/api/conversations?channel=" + channel + "&customerId=" + customerId, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    /** The texts the business sent that the page shows, oldest first. */
    protected List<String> businessTexts(Channel channel, String customerId) {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : conversation(channel, customerId).path("messages")) {
            if (message.path("from").asString().equals("BUSINESS")) {
                texts.add(message.path("text").asString());
            }
        }
        return texts;
    }

    /** A staff reply published as conversation-service does; its outbound message id. */
    protected String reply(ConversationKey key, String text) {
        OutboundMessageRequested request = new OutboundMessageRequested(
                "out-" + UUID.randomUUID(),
                key,
                OutboundMessageRequested.Purpose.REPLY,
                "room-" + fresh("r"),
                1L,
                Sender.staff("alice", "Alice"),
                text,
                List.of(),
                Instant.now());
        events.publishAndWait(Topics.CHANNEL_OUTBOUND_MESSAGE, key, request);
        return request.outboundMessageId();
    }
}
