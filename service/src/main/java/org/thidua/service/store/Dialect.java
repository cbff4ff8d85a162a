package org.thidua.service.store;

/**
 * The SQL databases the history can live in. Every query is written once, in the SQL both understand, and so is
 * every migration that both can run as it is: those are in {@code org/thidua/service/db/common}. Only a migration
 * whose SQL differs has a file in each dialect's folder ({@code …/db/sqlite}, {@code …/db/postgresql}), with the same
 * version in both. Flyway reads the common folder and the dialect's as one list of versions.
 *
 * <p>A migration stays where it is once applied: Flyway keeps each one's checksum (of the whole file, comments
 * included) and refuses a database whose history no longer matches. That is why V1–V3 stay in two copies although
 * much of their SQL is alike: only a file that is the same to the byte in both dialects could be shared. Placeholders
 * ({@code ${type}} in one shared file) do not help: Flyway sums a versioned migration's text as written, before it
 * replaces placeholders (only a repeatable migration is summed after), so a shared file would match neither of the
 * checksums that databases made by earlier releases hold; and a Java migration reporting the old checksums would
 * change the migration's type, which Flyway validates too.
 */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    /** The folder of the migrations every dialect runs as they are. */
    private static final String COMMON = "common";
    private static final String MIGRATIONS = "classpath:org/thidua/service/db/";

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** Where Flyway finds this dialect's migrations: the common ones and its own. */
    String[] migrations() {
        return new String[] {MIGRATIONS + COMMON, MIGRATIONS + folder};
    }

    /** The folder of this dialect's own migrations under {@code org/thidua/service/db}. */
    public String folder() {
        return folder;
    }
}
