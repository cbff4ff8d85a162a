package org.thidua.service.store;

/**
 * The SQL databases the history can live in. Every query is written once, in the SQL both understand; only the
 * schema's migrations differ, one folder per dialect ({@code org/thidua/service/db/sqlite}, {@code …/postgresql}),
 * with the same version numbers in both: a new migration is a file in each folder.
 */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** Where Flyway finds this dialect's migrations. */
    String migrations() {
        return "classpath:org/thidua/service/db/" + folder;
    }

    /** The folder of this dialect's migrations under {@code org/thidua/service/db}. */
    public String folder() {
        return folder;
    }
}
