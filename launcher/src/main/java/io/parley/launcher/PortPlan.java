package io.parley.launcher;

import io.parley.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every port the embedded run listens on. The standard plan is the one API.md and the README name
 * (gateway on 8080); an offset moves them all, and the random plan (for tests) takes free ports.
 */
public record PortPlan(Map<String, Integer> ports) {

    public static final String GATEWAY = "gateway";
    public static final String KAFKA = "kafka";
    public static final String KAFKA_CONTROLLER = "kafka-controller";
    public static final String STORE = "document-store";
    /** The demo mailbox's local mail server (only with {@code --demo}). */
    public static final String DEMO_SMTP = "demo-mail-smtp";

    public static final String DEMO_IMAP = "demo-mail-imap";

    public PortPlan {
        ports = Map.copyOf(ports);
    }

    /** The standard ports, each moved by {@code offset}. */
    public static PortPlan standard(int offset) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(GATEWAY, 8080 + offset);
        ports.put(management(GATEWAY), 9080 + offset);
        int i = 1;
        for (Service service : Service.values()) {
            ports.put(service.module(), 8080 + i + offset);
            ports.put(management(service.module()), 9080 + i + offset);
            i++;
        }
        ports.put(KAFKA, 9092 + offset);
        ports.put(KAFKA_CONTROLLER, 9093 + offset);
        ports.put(STORE, 27017 + offset);
        ports.put(DEMO_SMTP, 3025 + offset);
        ports.put(DEMO_IMAP, 3143 + offset);
        return new PortPlan(ports);
    }

    /** Free ports, for tests that must not collide with a running suite. */
    public static PortPlan random() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        standard(0).ports().keySet().forEach(name -> ports.put(name, freePort()));
        return new PortPlan(ports);
    }

    public static String management(String part) {
        return part + " management";
    }

    public int of(String part) {
        Integer port = ports.get(part);
        if (port == null) {
            throw new IllegalArgumentException("No port for " + part);
        }
        return port;
    }

    /**
     * Fails with a clear message when a port is taken.
     *
     * @param parts the parts whose ports will be bound
     */
    public void requireFree(Iterable<String> parts) {
        for (String part : parts) {
            int port = of(part);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                throw new LaunchException(
                        "Port " + port + " (" + part + ") is already in use: stop whatever uses it"
                                + " (another ./parley up?) or set PARLEY_PORT_OFFSET to move every port, e.g. PARLEY_PORT_OFFSET=100.");
            }
        }
    }

    private static int freePort() {
        try {
            return FreePorts.next();
        } catch (UncheckedIOException e) {
            throw new LaunchException("No free port to listen on: " + e.getMessage(), e);
        }
    }
}
