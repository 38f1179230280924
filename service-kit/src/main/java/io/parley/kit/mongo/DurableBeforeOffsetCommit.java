package io.parley.kit.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.apache.kafka.clients.consumer.Consumer;
import org.bson.Document;

/**
 * Makes a Kafka consumer commit its offsets only after the document store has made every write acknowledged so
 * far durable (MongoDB's {@code fsync} command), for a store that acknowledges a write before it is on disk.
 * The embedded store commits its file every 50 ms; the consumers commit offsets every second. Without this, a
 * hard kill between an offset commit and the store's next commit lost the writes of events that the offset
 * commit covered, and those events were never delivered again: a handler writes before its event counts as
 * done, so a store commit before each offset commit covers every event it names. Turned on by {@code
 * parley.mongo.durable-before-offset-commit}, which the launcher sets when it runs the embedded store; when off,
 * consumers are left as they are.
 */
public final class DurableBeforeOffsetCommit {

    private static final Document FSYNC = new Document("fsync", 1);

    private final MongoDatabase admin;
    private final boolean on;

    public DurableBeforeOffsetCommit(MongoClient client, boolean on) {
        this.admin = client.getDatabase("admin");
        this.on = on;
    }

    /**
     * {@code consumer}, whose {@code commitSync} and {@code commitAsync} first make the store's writes durable;
     * {@code consumer} itself when this is off.
     */
    @SuppressWarnings("unchecked")
    public <K, V> Consumer<K, V> wrap(Consumer<K, V> consumer) {
        if (!on) {
            return consumer;
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (isOffsetCommit(method)) {
                flush(); // a failure fails the commit: the offsets stay uncommitted, the events may come again
            }
            try {
                return method.invoke(consumer, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Consumer<K, V>)
                Proxy.newProxyInstance(Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class}, handler);
    }

    private static boolean isOffsetCommit(Method method) {
        return method.getName().equals("commitSync") || method.getName().equals("commitAsync");
    }

    /** Has the store commit every write it has acknowledged so far to its disk. */
    private void flush() {
        admin.runCommand(FSYNC);
    }
}
