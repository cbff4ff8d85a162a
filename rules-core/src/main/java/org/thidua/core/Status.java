package org.thidua.core;

/** The outcome of one criterion for one unit. */
public enum Status {
    /** The figure reaches the target. */
    MET("Đạt"),
    /** The figure falls short of the target. */
    NOT_MET("Không đạt"),
    /** The criterion does not apply to this kind of unit. */
    NOT_APPLICABLE("Không áp dụng"),
    /** The criterion applies, but the figure it needs was not reported. */
    NO_DATA("Chưa có số liệu");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** Vietnamese label. */
    public String label() {
        return label;
    }
}
