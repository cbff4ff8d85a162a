package org.thidua.core;

import java.util.Objects;

/** An evaluated unit: its stable id, its name as people write it, and its kind. */
public record Unit(String id, String name, UnitKind kind) {
    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** True for communes, wards and towns. Usable in DRL: {@code unit.communeLevel}. */
    public boolean isCommuneLevel() {
        return kind.isCommuneLevel();
    }
}
