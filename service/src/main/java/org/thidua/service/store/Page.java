package org.thidua.service.store;

import java.util.List;

/** A slice of a longer list: {@code items} from {@code offset}, at most {@code limit}, out of {@code total}. */
public record Page<T>(List<T> items, long total, int limit, int offset) {
    public Page {
        items = List.copyOf(items);
    }
}
