package io.parley.ingest.line;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import io.parley.ingest.connector.ProfileApi;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** LINE's profile API: {@code GET {api}/v2/bot/profile/{userId}} (Bearer) → {@code displayName, pictureUrl}. */
@Component
class LineProfiles implements ProfileApi {

    private final PlatformHttp http;
    private final LineSettings settings;

    LineProfiles(PlatformHttp http, LineSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.LINE;
    }

    @Override
    public Optional<Profile> fetch(ChannelAccount account, String customerId) {
        String token = account.secrets().get(LineSender.TOKEN);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(PlatformHttp.baseUrl(account, settings.apiBaseUrl()) + "/v2/bot/profile/"
                + URLEncoder.encode(customerId, StandardCharsets.UTF_8));
        PlatformHttp.Result result = http.exchange(
                account.id(),
                () -> http.get(uri).header("Authorization", "Bearer " + token).build());
        if (result instanceof PlatformHttp.Answered answer && answer.ok()) {
            var json = answer.json();
            return Optional.of(new Profile(
                    PlatformHttp.text(json, "displayName"),
                    PlatformHttp.absolute(PlatformHttp.text(json, "pictureUrl"))));
        }
        return Optional.empty();
    }
}
