package io.parley.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreDistinctBindableAndOutsideTheRangeOutgoingConnectionsUse() throws IOException {
        int ephemeralStart = FreePorts.ephemeralRangeStart();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertThat(port).isLessThan(ephemeralStart);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int last = ports.iterator().next();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(last));
            assertThat(server.getLocalPort()).isEqualTo(last);
        }
    }
}
