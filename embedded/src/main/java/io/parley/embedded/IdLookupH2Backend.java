package io.parley.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.jspecify.annotations.Nullable;

/**
 * mongo-java-server's H2 backend, with four changes. Documents are written to the file as BSON ({@link
 * BsonDocumentDataType}; files written before, in Java serialization, read as they did). Unique indexes order
 * their keys by value ({@link IndexKeyDataType}) instead of by serialized bytes. And a query that
 * names one {@code _id} among other conditions (beside it, or in its top-level {@code $and}) is answered from
 * the {@code _id} index. mongo-java-server uses an index only when the query's fields are
 * exactly the index's, so {@code {_id: x, version: 3}} — the compare-and-set every service writes with —
 * read and deserialised the whole collection; with thousands of enquiries, rooms or messages that was most of
 * the suite's CPU. Here the one document with that {@code _id} is fetched and the whole query is matched
 * against it, which is what the query means (its top-level conditions all hold), only without the scan.
 * Likewise a top-level {@code $and} of distinct fields is read as the one document it means, so that a unique
 * compound index whose fields it names is used. MongoDB's {@code fsync} command (on the {@code admin}
 * database) commits every write acknowledged so far to the file before it answers, so a client can make its
 * writes durable before it records elsewhere that they are done (see {@link EmbeddedDocumentStore}).
 * Everything else — indexes, other queries, other commands — is mongo-java-server's own.
 */
final class IdLookupH2Backend extends H2Backend {

    private final AtomicLong fsyncs = new AtomicLong();

    IdLookupH2Backend(MVStore store) {
        super(store);
    }

    /** How many {@code fsync} commands this store has served. */
    long fsyncs() {
        return fsyncs.get();
    }

    @Override
    public Document handleCommand(Channel channel, @Nullable String databaseName, String command, Document query) {
        if ("admin".equals(databaseName) && command.equalsIgnoreCase("fsync")) {
            getMvStore().commit();
            fsyncs.incrementAndGet();
            Document reply = new Document();
            Utils.markOkay(reply);
            return reply;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class Database extends H2Database {

        private final MVStore store;

        Database(String name, MVStore store, CursorRegistry cursors) {
            this.store = store; // before super(): its constructor opens collections already
            super(name, store, cursors);
        }

        /** As {@link H2Database}'s, with the same map names (so existing data files are read as before). */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = store.openMap(
                    "databases." + namespace,
                    new MVMap.Builder<Object, Document>()
                            .keyType(new ObjectDataType())
                            .valueType(new BsonDocumentDataType()));
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new IdLookupCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        /**
         * As {@link H2Database}'s, with keys ordered by {@link IndexKeyDataType}: the index's map is opened with
         * that key type first, so H2Database's own {@code openMap} of the same name gets this map.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            IndexKeyDataType.openIndexMap(store, getFullCollectionNamespace(collectionName) + "._index_" + indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    private static final class IdLookupCollection extends H2Collection {

        IdLookupCollection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        private final FieldLookups lookups = new FieldLookups();

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
            Object id = idOf(query);
            if (isPlainValue(id) && !(query.size() == 1 && query.containsKey("_id"))) {
                Document byId = new Document("_id", id);
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize, fields);
                    }
                }
            }
            Document flat = flattened(query);
            String field = lookupFieldOf(flat);
            if (field != null) {
                List<Object> candidates =
                        lookups.candidates(field, flat.get(field), this::streamAllDocumentsWithPosition);
                return matchDocuments(flat, candidates, orderBy, skip, limit, batchSize, fields);
            }
            return super.queryDocuments(flat, orderBy, skip, limit, batchSize, fields);
        }

        /**
         * A field of the query to look its documents up by ({@link FieldLookups}): one the query wants equal to a
         * plain value, and the first field of an index declared on the collection (MongoDB would use that
         * index, or its prefix); null when there is none, or a unique index answers the query itself.
         */
        private @Nullable String lookupFieldOf(Document query) {
            String found = null;
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(query)) {
                    return null;
                }
                String first = index.getKeys().getFirst().getKey();
                if (found == null
                        && !first.equals("_id")
                        && !first.contains(".")
                        && query.containsKey(first)
                        && isPlainValue(query.get(first))) {
                    found = first;
                }
            }
            return found;
        }

        /**
         * Not kept: mongo-java-server would encode the whole document as BSON to learn its size at every insert
         * and delete, twice at every update, and write the running total into the collection's metadata map
         * (one more changed page for each commit). Only {@code collStats}' {@code size} reads it, and nothing in
         * Parley asks; the store's wire-protocol worker spent 7 % of its time there in issue 8's load benchmark.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object position = super.addDocumentInternal(document);
            lookups.added(document, position);
            return position;
        }

        @Override
        protected void removeDocument(Object position) {
            Document removed = getDocument(position);
            super.removeDocument(position);
            lookups.removed(removed, position);
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument);
            lookups.removed(oldDocument, position);
            lookups.added(newDocument, position);
        }

        /**
         * {@code {$and: [{a: 1}, {b: 2}]}} as {@code {a: 1, b: 2}} when no field repeats: the same query, in the
         * form whose fields mongo-java-server compares with a unique index's (the driver writes every {@code
         * Filters.and} as {@code $and}, so a compound unique index was never used).
         */
        private static Document flattened(Document query) {
            if (query.size() != 1 || !(query.get("$and") instanceof Collection<?> all)) {
                return query;
            }
            Document flat = new Document();
            for (Object condition : all) {
                if (!(condition instanceof Document part)) {
                    return query;
                }
                for (String field : part.keySet()) {
                    if (field.startsWith("$") || flat.containsKey(field)) {
                        return query;
                    }
                    flat.put(field, part.get(field));
                }
            }
            return flat;
        }

        /**
         * The {@code _id} every match must have: the query's own, or one of its top-level {@code $and}'s (the
         * driver's {@code Filters.and} sends {@code {$and: [{_id: x}, {version: 3}]}}); null if none.
         */
        private static @Nullable Object idOf(Document query) {
            if (query.containsKey("_id")) {
                return query.get("_id");
            }
            if (query.get("$and") instanceof Collection<?> all) {
                for (Object condition : all) {
                    if (condition instanceof Document part
                            && part.containsKey("_id")
                            && isPlainValue(part.get("_id"))) {
                        return part.get("_id");
                    }
                }
            }
            return null;
        }

        /** An {@code _id} to look up: not an operator document, a list or a pattern. */
        private static boolean isPlainValue(@Nullable Object id) {
            return id != null
                    && !(id instanceof Document)
                    && !(id instanceof Collection<?>)
                    && !BsonRegularExpression.isRegularExpression(id);
        }
    }
}
