package org.thidua.service;

import java.util.List;

/** A slice of a longer list: {@code items} from {@code offset}, at most {@code limit}, out of {@code total}. */
record Page<T>(List<T> items, long total, int limit, int offset) {
    Page {
        items = List.copyOf(items);
    }
}
