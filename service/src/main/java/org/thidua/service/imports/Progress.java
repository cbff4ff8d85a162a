package org.thidua.service.imports;

/** Told how far an import has got; a terminal shows it as a bar. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void update(long rows, double fraction) {
        }

        @Override
        public void done(long rows) {
        }
    };

    /** @param fraction 0–1 through the input, or negative when unknown */
    void update(long rows, double fraction);

    void done(long rows);
}
