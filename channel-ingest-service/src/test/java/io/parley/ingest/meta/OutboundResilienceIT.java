package io.parley.ingest.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.DeliveryStatus;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.outbound.OutboundResilience;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * Outbound resilience against a stub Graph API: a transient failure is tried again within the one claim, a
 * final refusal is not, a page whose platform keeps failing opens its own circuit breaker (its messages then
 * fail fast without a call, another page still sends, and the breaker's state is on /actuator/prometheus),
 * and a burst beyond an account's rate limit is held to the limit, the rest failing with a code.
 */
class OutboundResilienceIT extends RunningMeta {

    @LocalManagementPort
    int managementPort;

    @Test
    void aServiceUnavailableThenOkIsSentOnceAfterTwoCalls() {
        ChannelAccount page = givenPage(null);
        String scenario = "unavailable-once-" + page.id();
        GRAPH.stubFor(post(urlPathEqualTo(messages(page)))
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willReturn(serviceUnavailable())
                .willSetStateTo("recovered"));
        GRAPH.stubFor(post(urlPathEqualTo(messages(page)))
                .inScenario(scenario)
                .whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"recipient_id\":\"1\",\"message_id\":\"m_second_try\"}")));

        String id = reply(page, "1", "after a hiccup");

        assertThat(awaitStatus(id, DeliveryStatus.SENT).platformMessageId()).isEqualTo("m_second_try");
        GRAPH.verify(2, postRequestedFor(urlPathEqualTo(messages(page))));
        String marker = reply(page, "1", "marker");
        awaitStatus(marker, DeliveryStatus.SENT);
        assertThat(STATUSES.seen(
                        DeliveryStatusChanged.class, s -> s.outboundMessageId().equals(id)))
                .hasSize(1);
    }

    @Test
    void aBadRequestIsFinalAndNotTriedAgain() {
        ChannelAccount page = givenPage(null);
        GRAPH.stubFor(post(urlPathEqualTo(messages(page)))
                .willReturn(graphError(400, "{\"message\":\"(#100) Invalid parameter\",\"code\":100}")));

        String id = reply(page, "1", "refused");

        DeliveryStatusChanged failed = awaitStatus(id, DeliveryStatus.FAILED);
        assertThat(failed.failure().code()).isEqualTo("rejected");
        assertThat(failed.failure().reason()).contains("Invalid parameter").doesNotContain("attempts");
        GRAPH.verify(1, postRequestedFor(urlPathEqualTo(messages(page))));
    }

    @Test
    void aPageWhosePlatformKeepsFailingOpensItsBreakerAndOtherPagesStillSend() {
        ChannelAccount failing = givenPage(null);
        ChannelAccount healthy = givenPage(null);
        GRAPH.stubFor(post(urlPathEqualTo(messages(failing))).willReturn(serverError()));
        GRAPH.stubFor(post(urlPathEqualTo(messages(healthy)))
                .willReturn(okJson("{\"recipient_id\":\"2\",\"message_id\":\"m_healthy\"}")));

        DeliveryStatusChanged failed = null;
        for (int message = 0; message < 8; message++) {
            failed = awaitStatus(reply(failing, "1", "attempt " + message), DeliveryStatus.FAILED);
            if (failed.failure().code().equals("platform-unavailable")) {
                break;
            }
            assertThat(failed.failure().code()).isEqualTo("unreachable");
        }
        assertThat(failed.failure().code()).isEqualTo("platform-unavailable");
        int callsWhenOpened = calls(failing);

        DeliveryStatusChanged fastFailure = awaitStatus(reply(failing, "1", "while open"), DeliveryStatus.FAILED);
        DeliveryStatusChanged other = awaitStatus(reply(healthy, "2", "unaffected"), DeliveryStatus.SENT);

        assertThat(fastFailure.failure().code()).isEqualTo("platform-unavailable");
        assertThat(fastFailure.failure().actionRequired()).isFalse();
        assertThat(calls(failing)).isEqualTo(callsWhenOpened);
        assertThat(other.platformMessageId()).isEqualTo("m_healthy");
        String metrics = get("http://127.0.0.1:" + managementPort + "/actuator/prometheus");
        assertThat(metrics.lines())
                .anyMatch(line -> line.startsWith("resilience4j_circuitbreaker_state{")
                        && line.contains("name=\"" + failing.id() + "\"")
                        && line.contains("state=\"open\"")
                        && line.endsWith(" 1.0"))
                .anyMatch(line -> line.startsWith("resilience4j_circuitbreaker_state{")
                        && line.contains("name=\"" + healthy.id() + "\"")
                        && line.contains("state=\"closed\"")
                        && line.endsWith(" 1.0"));
    }

    @Test
    void aBurstBeyondTheAccountsRateLimitIsHeldToTheLimitAndTheRestFailWithACode() {
        ChannelAccount page = givenPage(null, Map.of(OutboundResilience.RATE_LIMIT_SETTING, "2/1h"));
        GRAPH.stubFor(post(urlPathEqualTo(messages(page))).willReturn(okJson("{\"message_id\":\"m_burst\"}")));
        ConversationKey key = new ConversationKey(Channel.FACEBOOK, page.id(), "1");
        List<String> burst = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            OutboundMessageRequested message = outbound(key, "burst " + n);
            burst.add(message.outboundMessageId());
            events.publishAndWait(Topics.CHANNEL_OUTBOUND_MESSAGE, key, message);
        }

        List<DeliveryStatusChanged> fates = burst.stream()
                .map(id -> STATUSES.await(
                        DeliveryStatusChanged.class,
                        s -> s.outboundMessageId().equals(id) && s.status() != DeliveryStatus.DELIVERED))
                .toList();

        assertThat(fates)
                .extracting(DeliveryStatusChanged::status)
                .containsExactly(
                        DeliveryStatus.SENT,
                        DeliveryStatus.SENT,
                        DeliveryStatus.FAILED,
                        DeliveryStatus.FAILED,
                        DeliveryStatus.FAILED);
        assertThat(fates.subList(2, 5))
                .allSatisfy(failed -> assertThat(failed.failure().code()).isEqualTo("rate-limited"));
        GRAPH.verify(2, postRequestedFor(urlPathEqualTo(messages(page))));
        GRAPH.verify(1, postRequestedFor(urlPathEqualTo(messages(page))).withRequestBody(equalToJson("""
                {"message":{"text":"burst 1"}}""", true, true)));
        GRAPH.verify(1, postRequestedFor(urlPathEqualTo(messages(page))).withRequestBody(equalToJson("""
                {"message":{"text":"burst 2"}}""", true, true)));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static int calls(ChannelAccount account) {
        return GRAPH.countRequestsMatching(
                        postRequestedFor(urlPathEqualTo(messages(account))).build())
                .getCount();
    }

    private String reply(ChannelAccount page, String psid, String text) {
        return reply(new ConversationKey(Channel.FACEBOOK, page.id(), psid), text);
    }

    private static String get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                            .timeout(WAIT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
