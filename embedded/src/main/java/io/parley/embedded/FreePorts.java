package io.parley.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports to listen on that nothing else will take in the meantime.
 *
 * <p>Asking the kernel for port 0 and closing the socket again hands out a port from the ephemeral range,
 * the same range every outgoing connection (a Kafka client to its broker, say) takes its local port from. In a
 * busy test JVM such a connection can grab the port between the moment it was found free and the moment the
 * server binds it ("Address already in use"). The ports handed out here lie below the ephemeral range, where
 * the kernel never picks on its own, are found free when handed out and are never handed out twice by this JVM.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {}

    /** A port that is free now and that no outgoing connection will take. */
    public static synchronized int next() {
        int below = ephemeralRangeStart();
        int width = below - LOWEST;
        if (width < 1_000) {
            return kernelChoice();
        }
        int start = ThreadLocalRandom.current().nextInt(width);
        for (int i = 0; i < width; i++) {
            int port = LOWEST + (start + i) % width;
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        return kernelChoice();
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int kernelChoice() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first port of the kernel's ephemeral range (Linux: ip_local_port_range; 32768 elsewhere). */
    static int ephemeralRangeStart() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            if (Files.isReadable(range)) {
                // read as a stream: /proc files report a size that whole-file reads may trust
                try (BufferedReader reader = Files.newBufferedReader(range)) {
                    String line = reader.readLine();
                    if (line != null) {
                        return Integer.parseInt(line.trim().split("\\s+")[0]);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the common default
        }
        return 32_768;
    }
}
