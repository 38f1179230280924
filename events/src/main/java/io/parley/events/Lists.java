package io.parley.events;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** List fields of events are never null on the Java side: absent on the wire means empty. */
public final class Lists {

    private Lists() {}

    public static <T> List<T> copyOrEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
