package io.parley.routing.directory;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * A set of ids another service owns, as routing-service has learnt them from that service's compacted
 * snapshot topic. Writes are idempotent (upsert / delete by id), so redelivery changes nothing.
 */
public final class KnownIds {

    private final MongoCollection<Document> collection;

    KnownIds(MongoDatabase database, String collection) {
        this.collection = database.getCollection(collection);
    }

    void add(String id) {
        collection.replaceOne(eq("_id", id), new Document("_id", id), new ReplaceOptions().upsert(true));
    }

    void remove(String id) {
        collection.deleteOne(eq("_id", id));
    }

    /** The ids among {@code ids} that are not known, in their given order. */
    public List<String> unknownAmong(Collection<String> ids) {
        Set<String> known = new HashSet<>();
        collection.find(in("_id", ids)).forEach(doc -> known.add(doc.getString("_id")));
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            if (!known.contains(id)) {
                unknown.add(id);
            }
        }
        return unknown;
    }
}
