package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The benchmark's webhooks are signed over their exact bytes, each the way its platform signs. */
class WebhooksTest {

    @Test
    void messengerIsSignedWithTheAppSecretInHex() {
        Webhooks.Request request = Webhooks.message(Webhooks.Channel.FACEBOOK, "cust-1", "mid-1", "bench c1 m0");

        assertThat(request.path()).isEqualTo("/webhooks/facebook");
        assertThat(request.headers().get("X-Hub-Signature-256"))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(Webhooks.hmac("demo-app-secret", request.body())));
        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .contains("\"mid\":\"mid-1\"", "\"text\":\"bench c1 m0\"", "\"id\":\"demo-page\"");
    }

    @Test
    void thirdPartySignsIdTimestampAndBodyTheStandardWebhooksWay() {
        Webhooks.Request request = Webhooks.message(Webhooks.Channel.THIRD_PARTY, "cust-1", "mid-1", "bench c1 m0");

        String signed = request.headers().get("webhook-id") + "."
                + request.headers().get("webhook-timestamp") + "." + new String(request.body(), StandardCharsets.UTF_8);
        byte[] key = Base64.getDecoder().decode("ZGVtby10aGlyZC1wYXJ0eS1zZWNyZXQh");
        assertThat(request.path()).isEqualTo("/webhooks/third-party/demo-api");
        assertThat(request.headers().get("webhook-signature"))
                .isEqualTo("v1,"
                        + Base64.getEncoder()
                                .encodeToString(Webhooks.hmac(key, signed.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void lineAndWoztellCarryBase64SignaturesOfTheirChannelSecrets() {
        Webhooks.Request line = Webhooks.message(Webhooks.Channel.LINE, "u1", "e1", "bench c2 m0");
        Webhooks.Request woztell = Webhooks.message(Webhooks.Channel.WOZTELL, "u1", "w1", "bench c3 m0");

        assertThat(line.headers().get("x-line-signature"))
                .isEqualTo(Base64.getEncoder().encodeToString(Webhooks.hmac("demo-line-secret", line.body())));
        assertThat(woztell.headers().get("X-Woztell-Signature"))
                .isEqualTo(Base64.getEncoder().encodeToString(Webhooks.hmac("demo-woztell-secret", woztell.body())));
    }
}
