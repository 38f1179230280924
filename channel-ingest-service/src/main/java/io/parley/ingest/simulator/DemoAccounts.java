package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import io.parley.ingest.connector.PlatformHttp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The only accounts the simulator acts for: the demo accounts of API.md, recognised by their fixed id and by
 * sending to the demo platform URL (as the demo data writes them). The simulator signs webhooks with their
 * secrets and answers their send calls, so an account that is missing, disabled, of another channel or
 * pointed at a real platform is never one of them, even with a demo id. The demo mailbox is one only while
 * its mail server is on this host ({@link DemoMailbox}): the simulator never sends mail elsewhere.
 */
@Component
class DemoAccounts {

    /** The demo account of each channel the simulator plays, in the page's order. */
    static final Map<Channel, String> IDS = ids();

    private final ChannelAccounts accounts;
    private final String platformUrl;

    DemoAccounts(ChannelAccounts accounts, @Value("${parley.demo-platform-url:}") String platformUrl) {
        this.accounts = accounts;
        this.platformUrl = PlatformHttp.trimmed(platformUrl.trim());
    }

    private static Map<Channel, String> ids() {
        Map<Channel, String> ids = new LinkedHashMap<>();
        ids.put(Channel.FACEBOOK, "demo-page");
        ids.put(Channel.WHATSAPP, "demo-phone");
        ids.put(Channel.LINE, "demo-line");
        ids.put(Channel.WECHAT, "demo-wechat");
        ids.put(Channel.WOZTELL, "demo-woztell");
        ids.put(Channel.THIRD_PARTY, "demo-api");
        ids.put(Channel.EMAIL, "demo-email");
        return Collections.unmodifiableMap(ids);
    }

    /** The channel's demo account, if it exists as the demo data made it. */
    Optional<ChannelAccount> of(Channel channel) {
        String id = IDS.get(channel);
        return id == null ? Optional.empty() : accounts.byId(id).filter(account -> isDemo(channel, account));
    }

    /** The demo account with this id on this channel (a send call naming a page or number). */
    Optional<ChannelAccount> byId(Channel channel, String id) {
        return id.equals(IDS.get(channel)) ? of(channel) : Optional.empty();
    }

    /** Every demo account of these channels that is there, in the page's order. */
    List<ChannelAccount> all(List<Channel> channels) {
        return IDS.keySet().stream()
                .filter(channels::contains)
                .map(this::of)
                .flatMap(Optional::stream)
                .toList();
    }

    private boolean isDemo(Channel channel, ChannelAccount account) {
        return account.enabled()
                && account.channel() == channel
                && account.id().equals(IDS.get(channel))
                && !platformUrl.isEmpty()
                && account.platformBaseUrl() != null
                && PlatformHttp.trimmed(account.platformBaseUrl()).equals(platformUrl)
                && (channel != Channel.EMAIL || DemoMailbox.of(account).isPresent());
    }
}
