package io.parley.ingest.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that forgets its oldest entries beyond a size: the simulator's short memories (tokens, keys, ids) and,
 * in access order, its least recently used conversations.
 */
final class Bounded<K, V> extends LinkedHashMap<K, V> {

    private final int max;

    Bounded(int max) {
        this(max, false);
    }

    Bounded(int max, boolean accessOrder) {
        super(16, 0.75f, accessOrder);
        this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
    }
}
