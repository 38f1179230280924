package io.parley.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.ingest.RunningIngest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A running service with the simulator on: what the page sees of a conversation (staff reply with {@code reply}). */
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
}
