package io.parley.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: keys are ordered by their values, compared as MongoDB
 * compares values. H2's default type cannot compare mongo-java-server's keys (they are not {@link Comparable})
 * other than by serializing both with {@code ObjectOutputStream} and comparing the bytes, at every step of
 * every index lookup: 12 % of the suite's CPU in issue 8's load benchmark. Keys are written as BSON (tagged
 * as {@link BsonDocumentDataType} tags documents; keys written before read as they did), and a file whose
 * indexes are in the old order is converted once, when the store opens it ({@link #convert}).
 *
 * <p>The order agrees with {@link KeyValue#equals}: values MongoDB calls equal but Java does not (1 and 1.0)
 * are told apart by their class, then their text, so no two distinct keys collapse into one.
 */
final class IndexKeyDataType extends BasicDataType<Object> {

    private static final ValueComparator VALUES = ValueComparator.asc();

    /** The map that records that a file's index maps are in this type's order. */
    static final String FORMAT_MAP = "~parley.format";

    private static final String INDEX_ORDER = "index-key-order";
    private static final String BY_VALUE = "by-value";

    private final ObjectDataType fallback = new ObjectDataType();

    /** Opens (or creates) the index map of that name with this key type. */
    static MVMap<Object, Object> openIndexMap(MVStore store, String name) {
        return store.openMap(
                name,
                new MVMap.Builder<Object, Object>()
                        .keyType(new IndexKeyDataType())
                        .valueType(new ObjectDataType()));
    }

    /**
     * Puts the index maps of a file written with H2's default key order into this type's order: each is read,
     * removed and written again in order. Call it on a store without auto-commit, and commit once after: the
     * file then holds either every index converted and the mark that says so, or none of it.
     */
    static void convert(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (BY_VALUE.equals(format.get(INDEX_ORDER))) {
            return;
        }
        for (String name : List.copyOf(store.getMapNames())) {
            if (!name.contains("._index_") || name.startsWith("databases.") || name.startsWith("meta.")) {
                continue;
            }
            MVMap<Object, Object> legacy = store.openMap(name);
            Map<Object, Object> entries = new LinkedHashMap<>();
            legacy.forEach(entries::put);
            store.removeMap(legacy);
            openIndexMap(store, name).putAll(entries);
        }
        format.put(INDEX_ORDER, BY_VALUE);
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return compareKeys(left, right);
        }
        return fallback.compare(a, b);
    }

    private static int compareKeys(KeyValue left, KeyValue right) {
        Iterator<Object> l = left.iterator();
        Iterator<Object> r = right.iterator();
        while (l.hasNext() && r.hasNext()) {
            int order = compareValues(l.next(), r.next());
            if (order != 0) {
                return order;
            }
        }
        return Boolean.compare(l.hasNext(), r.hasNext());
    }

    private static int compareValues(Object a, Object b) {
        if (Objects.equals(a, b)) {
            return 0;
        }
        int order = VALUES.compare(a, b);
        if (order != 0) {
            return order;
        }
        order = className(a).compareTo(className(b));
        return order != 0 ? order : String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static String className(Object value) {
        return value == null ? "" : value.getClass().getName();
    }

    @Override
    public int getMemory(Object key) {
        return fallback.getMemory(key);
    }

    /** A key as a BSON document of its values ({@code "0"}, {@code "1"}, …); other keys as H2 writes them. */
    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof KeyValue values) {
            Map<String, Object> document = new LinkedHashMap<>();
            for (Object value : values) {
                document.put(Integer.toString(document.size()), value);
            }
            if (BsonDocumentDataType.writeBson(buffer, document) != BsonDocumentDataType.NOT_BSON) {
                return;
            }
        }
        fallback.write(buffer, key);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        Document document = BsonDocumentDataType.readBson(buffer);
        return document == null ? fallback.read(buffer) : new KeyValue(document.values());
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
