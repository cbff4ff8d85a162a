package org.thidua.core;

/**
 * Disciplinary measures for officials (Luật Cán bộ, công chức; Luật Viên chức), lightest first, so that
 * "cảnh cáo or above" reads {@code discipline.atLeast(Discipline.CANH_CAO)}.
 */
public enum Discipline {
    KHIEN_TRACH("Khiển trách"),
    CANH_CAO("Cảnh cáo"),
    HA_BAC_LUONG("Hạ bậc lương"),
    GIANG_CHUC("Giáng chức"),
    CACH_CHUC("Cách chức"),
    BAI_NHIEM("Bãi nhiệm"),
    BUOC_THOI_VIEC("Buộc thôi việc");

    private final String label;

    Discipline(String label) {
        this.label = label;
    }

    /** Vietnamese label. */
    public String label() {
        return label;
    }

    /** This measure or a heavier one. */
    public boolean atLeast(Discipline other) {
        return ordinal() >= other.ordinal();
    }
}
