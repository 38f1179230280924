package io.parley.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.ingest.RunningIngest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Outside demo mode (the shared test service) the simulator does not exist: every path is 404. */
class SimulatorDisabledIT extends RunningIngest {

    @Test
    void everySimulatorPathIsNotFound() {
        String line = "{\"channel\":\"LINE\",\"customerName\":\"Ann\",\"text\":\"Hi\"}";
        for (HttpResponse<String> response : java.util.List.of(
                get("/simulator", null),
                get("/simulator/", null),
                get("/simulator/assets/simulator.js", null),
                get("/simulator/api/channels", null),
                send("POST", "/simulator/api/messages", null, line),
                send("POST", "/simulator/v21.0/demo-page/messages?access_token=demo-page-token", null, "{}"),
                send("POST", "/simulator/v2/bot/message/push", null, "{}"),
                send("POST", "/simulator", null, "{}"))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(code(response)).isEqualTo("simulator.disabled");
        }
    }
}
