package io.parley.bench.load;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket listener that hands each whole text frame, with its arrival time, to one handler; and the
 * cheap field reading the benchmark needs from the suite's frames (the benchmark's own texts need no JSON
 * escaping, so a string value ends at the next quote).
 */
final class TextFrames implements WebSocket.Listener {

    /** A frame and when its last part arrived ({@link System#nanoTime()}). */
    record Frame(String text, long nanos) {}

    private final Consumer<Frame> handler;
    private final StringBuilder partial = new StringBuilder();

    TextFrames(Consumer<Frame> handler) {
        this.handler = handler;
    }

    @Override
    public @Nullable CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        long at = System.nanoTime();
        if (last && partial.isEmpty()) {
            handler.accept(new Frame(data.toString(), at));
        } else {
            partial.append(data);
            if (last) {
                handler.accept(new Frame(partial.toString(), at));
                partial.setLength(0);
            }
        }
        socket.request(1);
        return null;
    }

    /** The string value of the first {@code "name":"…"} in {@code frame}, or null. */
    static @Nullable String field(String frame, String name) {
        String marker = "\"" + name + "\":\"";
        int start = frame.indexOf(marker);
        if (start < 0) {
            return null;
        }
        start += marker.length();
        int end = frame.indexOf('"', start);
        return end < 0 ? null : frame.substring(start, end);
    }
}
