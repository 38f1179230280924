package io.parley.ingest.meta;

import io.parley.events.AttachmentRef;
import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.MediaFetcher;
import io.parley.ingest.connector.MediaFetcher.Pending;
import io.parley.ingest.connector.MediaFetcher.Result;
import io.parley.ingest.connector.PlatformHttp;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The media of a Messenger or WhatsApp message, fetched into the media store: Messenger's attachment {@code
 * payload.url} directly; a WhatsApp media id in two steps, {@code GET {graph}/{version}/{MEDIA_ID}} (Bearer)
 * for its short-lived {@code url}, then that URL with the same token.
 */
@Component
class MetaMedia {

    private final MediaFetcher fetcher;
    private final GraphApi graph;

    MetaMedia(MediaFetcher fetcher, GraphApi graph) {
        this.fetcher = fetcher;
        this.graph = graph;
    }

    List<Result> keep(Channel channel, ChannelAccount account, List<AttachmentRef> attachments) {
        if (channel != Channel.WHATSAPP) {
            return fetcher.keepLinked(account, attachments);
        }
        return fetcher.keepAll(attachments.stream()
                .map(declared -> new Pending(declared, () -> whatsApp(account, declared)))
                .toList());
    }

    private Result whatsApp(ChannelAccount account, AttachmentRef declared) {
        String token = account.secrets().get(WhatsAppSender.TOKEN);
        if (token == null || token.isBlank() || !declared.ref().startsWith(WhatsAppNotifications.MEDIA_REF)) {
            return MediaFetcher.notKept(declared, "not fetched: the account has no access token");
        }
        String mediaId = declared.ref().substring(WhatsAppNotifications.MEDIA_REF.length());
        Optional<URI> url = graph.getJson(account.id(), graph.nodeUri(account, mediaId, ""), token)
                .map(json -> PlatformHttp.absolute(PlatformHttp.text(json, "url")));
        if (url.isEmpty()) {
            return MediaFetcher.notKept(declared, "not fetched: WhatsApp did not give its URL");
        }
        return fetcher.fetch(account, url.get(), token, declared);
    }
}
