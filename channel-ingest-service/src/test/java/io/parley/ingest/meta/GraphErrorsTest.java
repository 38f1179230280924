package io.parley.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.DeliveryFailure;
import org.junit.jupiter.api.Test;

/** Graph API refusals become the failure code that tells the agent what to do. */
class GraphErrorsTest {

    @Test
    void theClosedMessagingWindowNeedsTheCustomerToWriteFirst() {
        DeliveryFailure byCode = GraphErrors.classify(400, 10, 2018278, "(#10) outside of allowed window");
        DeliveryFailure byText = GraphErrors.classify(400, 100, 0, "This message is sent Outside Of Allowed Window");
        DeliveryFailure whatsApp = GraphErrors.classify(400, 131047, 0, "Re-engagement message");

        assertThat(byCode.code()).isEqualTo("window-closed");
        assertThat(byCode.actionRequired()).isTrue();
        assertThat(byText.code()).isEqualTo("window-closed");
        assertThat(whatsApp.code()).isEqualTo("window-closed");
    }

    @Test
    void credentialsBlocksOtherRefusalsAndServerErrorsAreTold() {
        assertThat(GraphErrors.classify(401, 190, 0, "token expired").code()).isEqualTo("bad-credentials");
        assertThat(GraphErrors.classify(400, 551, 0, "not available").code()).isEqualTo("blocked");
        assertThat(GraphErrors.classify(400, 100, 1545041, "not available").code())
                .isEqualTo("blocked");
        DeliveryFailure rejected = GraphErrors.classify(400, 100, 0, "Invalid parameter");
        assertThat(rejected.code()).isEqualTo("rejected");
        assertThat(rejected.reason()).contains("Invalid parameter");
        assertThat(GraphErrors.classify(503, 2, 0, "Service temporarily unavailable")
                        .code())
                .isEqualTo("unreachable");
    }
}
