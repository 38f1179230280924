package io.parley.bench.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** What a staff client does with a room it has just accepted, shared by the benchmarks that accept. */
final class Rooms {

    private Rooms() {}

    /**
     * The room's messages once they hold {@code text} (the customer's first message): the accept answers with
     * the room's id before chatroom-service has opened it (it waits {@code room-grace}, 2 s, then answers 404),
     * so a client asks again, as the staff console would.
     *
     * @param notFoundYet counts the reads answered 404 and asked again
     * @return the last answer: one holding {@code text}, or whatever came when {@code wait} ran out
     */
    static Api.Answer messagesHolding(
            Api api, String token, String roomId, String text, Duration wait, AtomicLong notFoundYet)
            throws InterruptedException {
        long giveUp = System.nanoTime() + wait.toNanos();
        Api.Answer messages;
        do {
            messages = api.call("GET", "/api/rooms/" + roomId + "/messages?after=0", token, null);
            if (messages.ok() && messages.body().contains(text)) {
                return messages;
            }
            if (messages.status() == 404) {
                notFoundYet.incrementAndGet();
            }
            // A 404 came after chatroom-service's own 2 s wait; anything else (the gateway's 503 while its
            // circuit breaker is open) is not asked again at once.
            Thread.sleep(messages.status() == 404 ? 20 : 250);
        } while (System.nanoTime() < giveUp);
        return messages;
    }
}
