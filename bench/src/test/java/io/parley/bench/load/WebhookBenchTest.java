package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code --channels} names the channels to measure, in the order given. */
class WebhookBenchTest {

    @Test
    void allOrNothingMeansEveryMessagingChannel() {
        assertThat(WebhookBench.channels("all")).containsExactly(Webhooks.Channel.values());
        assertThat(WebhookBench.channels(" ")).containsExactly(Webhooks.Channel.values());
    }

    @Test
    void namesAreReadInTheirOrderWithMessengerForFacebookAndDashesForUnderscores() {
        assertThat(WebhookBench.channels("wechat, Messenger,third-party,wechat"))
                .containsExactly(Webhooks.Channel.WECHAT, Webhooks.Channel.FACEBOOK, Webhooks.Channel.THIRD_PARTY);
        assertThat(WebhookBench.label(Webhooks.Channel.FACEBOOK)).isEqualTo("messenger");
    }

    @Test
    void anUnknownChannelIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> WebhookBench.channels("line,telegram"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'telegram'")
                .hasMessageContaining("wechat");
    }
}
