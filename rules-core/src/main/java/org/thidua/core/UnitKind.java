package org.thidua.core;

/** The kinds of unit a campaign can evaluate. */
public enum UnitKind {
    /** A district office, department or agency (cơ quan, phòng, ban, ngành). */
    AGENCY("Cơ quan, phòng ban"),
    /** UBND xã. */
    COMMUNE("Xã"),
    /** UBND phường. */
    WARD("Phường"),
    /** UBND thị trấn (campaigns before the 2025 reorganisation). */
    TOWN("Thị trấn"),
    /** UBND đặc khu: a commune-level special zone (island district) since the 2025 reorganisation. */
    SPECIAL_ZONE("Đặc khu");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    /** Vietnamese label, as staff read it. */
    public String label() {
        return label;
    }

    /** Communes, wards and towns: the commune level of government (cấp xã). */
    public boolean isCommuneLevel() {
        return this != AGENCY;
    }
}
