package io.parley.embedded;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One collection's equality lookups in memory: for a top-level field, the positions of the documents by the
 * field's value. mongo-java-server keeps no index but unique ones, so a query such as chatroom's "the room
 * with this roomId" or "the last message of this enquiry" read and matched every document of its collection
 * (a fifth of the suite's CPU in issue 8's load benchmark, and growing with the data). A field's lookup is
 * built from the documents the first time a query needs it, then kept up to date with every insert, update
 * and delete; it is not written to the file, so each start builds it anew.
 *
 * <p>The lookup gives candidates, never answers: the query is still matched against each candidate. So it
 * may be generous (numbers are looked up by their double value; an array is found by each of its elements),
 * as long as every document the query matches is among the candidates.
 */
final class FieldLookups {

    /** Field → value → positions, for the fields built so far. */
    private final Map<String, Map<Object, Set<Object>>> byField = new HashMap<>();

    /**
     * The positions of the documents whose {@code field} may equal {@code value} (in position order where
     * positions are ordered), building the field's lookup from {@code all} the first time.
     */
    synchronized List<Object> candidates(
            String field, Object value, Supplier<Stream<DocumentWithPosition<Object>>> all) {
        Map<Object, Set<Object>> lookup = byField.get(field);
        if (lookup == null) {
            lookup = new HashMap<>();
            byField.put(field, lookup);
            try (Stream<DocumentWithPosition<Object>> documents = all.get()) {
                Map<Object, Set<Object>> building = lookup;
                documents.forEach(d -> add(building, field, d.getDocument(), d.getPosition()));
            }
        }
        List<Object> positions = new ArrayList<>(lookup.getOrDefault(key(value), Set.of()));
        if (positions.stream().allMatch(Comparable.class::isInstance)) {
            positions.sort(null);
        }
        return positions;
    }

    synchronized void added(Document document, Object position) {
        byField.forEach((field, lookup) -> add(lookup, field, document, position));
    }

    synchronized void removed(@Nullable Document document, Object position) {
        if (document == null) {
            return;
        }
        byField.forEach((field, lookup) -> {
            for (Object value : valuesOf(document, field)) {
                Set<Object> positions = lookup.get(value);
                if (positions != null) {
                    positions.remove(position);
                    if (positions.isEmpty()) {
                        lookup.remove(value);
                    }
                }
            }
        });
    }

    private static void add(Map<Object, Set<Object>> lookup, String field, Document document, Object position) {
        for (Object value : valuesOf(document, field)) {
            lookup.computeIfAbsent(value, v -> new HashSet<>()).add(position);
        }
    }

    /** The keys a document is found by: its field's value, or each element of an array. */
    private static List<Object> valuesOf(Document document, String field) {
        Object value = document.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> elements) {
            List<Object> keys = new ArrayList<>();
            for (Object element : elements) {
                if (element != null) {
                    keys.add(key(element));
                }
            }
            return keys;
        }
        return List.of(key(value));
    }

    /** Numbers that MongoDB calls equal (1, 1L, 1.0) share a key. */
    private static Object key(Object value) {
        return value instanceof Number number ? (Object) number.doubleValue() : value;
    }
}
