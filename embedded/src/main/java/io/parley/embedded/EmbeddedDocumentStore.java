package io.parley.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire document store in this JVM (mongo-java-server on an H2 MVStore file). Services reach it
 * with the ordinary MongoDB driver, exactly as they would a real MongoDB.
 *
 * <p>Durability: MVStore writes in the background; this store commits at most {@link #COMMIT_DELAY_MS}
 * after a write, and on {@link #close()} commits everything. So a clean stop loses nothing; a hard kill
 * can lose the writes of that last fraction of a second. MongoDB's {@code fsync} command commits at once: the
 * services' Kafka consumers commit offsets only after one (the launcher turns that on; each service asks for
 * one at most once a second, for all its consumers), so an event whose offset is committed has its writes on
 * disk, and a hard kill makes them redo only the uncommitted events.
 */
public final class EmbeddedDocumentStore implements AutoCloseable {

    /**
     * The longest a write waits for its commit to the file: MongoDB's own journal commit interval. Each commit
     * writes every page changed since the last one again, whole; at 50 ms the store's threads took about a fifth
     * more CPU in issue 8's load benchmark. Writes of consumed events do not depend on it (see above).
     */
    public static final int COMMIT_DELAY_MS = 100;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDocumentStore.class);

    private final MongoServer server;
    private final IdLookupH2Backend backend;
    private final @Nullable MVStore store;
    private final String connectionString;

    private EmbeddedDocumentStore(
            MongoServer server, IdLookupH2Backend backend, @Nullable MVStore store, String connectionString) {
        this.server = server;
        this.backend = backend;
        this.store = store;
        this.connectionString = connectionString;
    }

    /**
     * Starts the store on 127.0.0.1.
     *
     * @param file the H2 file to keep the data in, created if new; null keeps everything in memory
     * @param port the port to listen on (0 for any free port)
     * @throws EmbeddedStartException when the file cannot be opened
     */
    public static EmbeddedDocumentStore start(@Nullable Path file, int port) {
        return start(file, port, Duration.ofMillis(COMMIT_DELAY_MS));
    }

    /**
     * Starts the store on 127.0.0.1, committing to {@code file} at most {@code commitDelay} after a write (and at
     * each {@code fsync} command): tests use a long delay to see what a hard kill loses.
     */
    public static EmbeddedDocumentStore start(@Nullable Path file, int port, Duration commitDelay) {
        MVStore store = file == null ? null : open(file, commitDelay);
        IdLookupH2Backend backend = new IdLookupH2Backend(store == null ? new MVStore.Builder().open() : store);
        // No oplog (server.enableOplog()): nothing here watches a change stream, and the oplog costs a second
        // insert into an ever-growing indexed collection for every write (19 % of the suite's CPU samples in
        // issue 8's load benchmark). A service that needs change streams must turn it on again.
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new EmbeddedStartException(
                    "The document store cannot listen on 127.0.0.1:" + port + " (" + EmbeddedKafkaBroker.rootMessage(e)
                            + "): stop whatever uses that port or choose another.",
                    e);
        }
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        log.info(
                "Document store ready on {} ({})",
                uri,
                file == null ? "in memory" : "data in " + file.toAbsolutePath());
        return new EmbeddedDocumentStore(server, backend, store, uri);
    }

    private static MVStore open(Path file, Duration commitDelay) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MVStore store = new MVStore.Builder()
                    .fileName(file.toString())
                    .autoCommitDisabled()
                    .open();
            IndexKeyDataType.convert(store); // a file from before: its indexes in the new order, in one commit
            store.commit();
            store.setAutoCommitDelay(Math.toIntExact(commitDelay.toMillis()));
            return store;
        } catch (IOException | RuntimeException e) {
            String reason = EmbeddedKafkaBroker.rootMessage(e);
            String advice = reason.toLowerCase(java.util.Locale.ROOT).contains("locked")
                    ? "another Parley is probably running on the same data directory: stop it first."
                    : "if it is damaged, move it away (or delete it) to start with an empty store.";
            throw new EmbeddedStartException(
                    "The document store file " + file + " cannot be opened (" + reason + "); " + advice, e);
        }
    }

    /** How many times a client has had this store commit at once (MongoDB's {@code fsync} command). */
    public long fsyncs() {
        return backend.fsyncs();
    }

    /** A MongoDB connection string for the driver, e.g. {@code mongodb://127.0.0.1:27017}. */
    public String connectionString() {
        return connectionString;
    }

    /**
     * Stops as a hard kill would: the writes not committed to the file yet are lost. For tests of what a crash
     * keeps; {@link #close()} is the way to stop.
     */
    public void halt() {
        if (store != null && !store.isClosed()) {
            store.closeImmediately(); // first: the server's shutdown closes the store, which commits it
        }
        server.shutdownNow();
    }

    /** Stops listening and commits every write to the file. */
    @Override
    public void close() {
        server.shutdownNow();
        if (store != null && !store.isClosed()) {
            store.commit();
            store.close();
        }
    }
}
