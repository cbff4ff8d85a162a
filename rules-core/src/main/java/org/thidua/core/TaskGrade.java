package org.thidua.core;

/** The four task-completion grades of an official's yearly assessment, best first. */
public enum TaskGrade {
    HOAN_THANH_XUAT_SAC("Hoàn thành xuất sắc nhiệm vụ"),
    HOAN_THANH_TOT("Hoàn thành tốt nhiệm vụ"),
    HOAN_THANH("Hoàn thành nhiệm vụ"),
    KHONG_HOAN_THANH("Không hoàn thành nhiệm vụ");

    private final String label;

    TaskGrade(String label) {
        this.label = label;
    }

    /** Vietnamese label. */
    public String label() {
        return label;
    }

    /** This grade or a better one. Usable in DRL: {@code taskGrade.atLeast(TaskGrade.HOAN_THANH_TOT)}. */
    public boolean atLeast(TaskGrade other) {
        return ordinal() <= other.ordinal();
    }

    /** Hoàn thành nhiệm vụ or better: the tasks were completed. */
    public boolean isComplete() {
        return atLeast(HOAN_THANH);
    }
}
