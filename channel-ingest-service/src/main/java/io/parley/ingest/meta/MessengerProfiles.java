package io.parley.ingest.meta;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import io.parley.ingest.connector.ProfileApi;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Messenger's User Profile API: {@code GET {graph}/{version}/{PSID}?fields=first_name,last_name,profile_pic}
 * with the page's token; the name is first and last name together.
 */
@Component
class MessengerProfiles implements ProfileApi {

    private final GraphApi graph;

    MessengerProfiles(GraphApi graph) {
        this.graph = graph;
    }

    @Override
    public Channel channel() {
        return Channel.FACEBOOK;
    }

    @Override
    public Optional<Profile> fetch(ChannelAccount account, String customerId) {
        String token = account.secrets().get(MessengerSender.TOKEN);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(graph.nodeUri(account, customerId, "") + "?fields=first_name,last_name,profile_pic"
                + "&access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return graph.getJson(account.id(), uri, null).map(MessengerProfiles::profile);
    }

    private static Profile profile(JsonNode json) {
        String name = Stream.of(PlatformHttp.text(json, "first_name"), PlatformHttp.text(json, "last_name"))
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        return new Profile(name.isEmpty() ? null : name, PlatformHttp.absolute(PlatformHttp.text(json, "profile_pic")));
    }
}
