package org.thidua.core;

/** What an official does, which decides the individual criteria that apply to them. */
public enum MemberRole {
    /** Receives citizens and handles dossiers (CBCCVC tiếp dân, giải quyết hồ sơ). */
    FRONTLINE("Tiếp dân, giải quyết hồ sơ"),
    /** A commune-level official (cán bộ, công chức cấp xã). */
    COMMUNE_OFFICIAL("Cán bộ, công chức cấp xã"),
    /** Any other official of the unit. */
    OTHER("Khác");

    private final String label;

    MemberRole(String label) {
        this.label = label;
    }

    /** Vietnamese label. */
    public String label() {
        return label;
    }
}
