package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** How one platform tells us that a customer wrote: its webhook request, signed as that platform signs it. */
interface CustomerWebhook {

    JsonMapper JSON = JsonMapper.builder().build();

    Channel channel();

    /** The channel's name on the page. */
    String label();

    /** The signed webhook request for {@code customer}'s {@code text}, as the platform would send it. */
    Request build(ChannelAccount account, SimulatedCustomer customer, String text, Instant at);

    /**
     * A webhook request to this service.
     *
     * @param pathAndQuery below the service's origin, e.g. {@code /webhooks/line/demo-line}
     */
    record Request(String pathAndQuery, String contentType, Map<String, String> headers, byte[] body) {}

    static byte[] json(Object body) {
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }
}
