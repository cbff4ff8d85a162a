package org.thidua.service.store;

import java.util.List;

/**
 * A page of a list read by keyset: {@code items}, the {@code total} of the whole list, and {@code next}, the store's
 * opaque position after the last item (pass it back to read on), or {@code null} on the last page.
 */
public record CursorPage<T>(List<T> items, long total, String next) {
    public CursorPage {
        items = List.copyOf(items);
    }
}
