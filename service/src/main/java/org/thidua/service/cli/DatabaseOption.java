package org.thidua.service.cli;

import java.nio.file.Files;

import org.thidua.service.store.DatabaseAddress;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --db FILE|URL} with its password ({@link DatabasePassword}): the service's history a command works with. Every
 * command reads the address, the password and, where the history must already be there, the SQLite file through here,
 * so a wrong {@code --db} gets the same message whichever command it was given to. What the option means for a command
 * (created when missing, or read; its default) is in {@code Options.properties}.
 */
public final class DatabaseOption {
    /** The history's file when a command that has one by default is given no {@code --db}. */
    static final String DEFAULT = "thidua.db";

    @Option(names = "--db", paramLabel = "FILE|URL", descriptionKey = "db",
            description = "Cơ sở dữ liệu của thidua serve: tệp SQLite hoặc postgresql://máy:cổng/csdl?user=tên.")
    String written;

    @Mixin
    DatabasePassword password;

    /** Whether {@code --db} was given. */
    boolean given() {
        return written != null;
    }

    /** {@code --db} as written, or {@value #DEFAULT}: for messages. */
    String written() {
        return given() ? written : DEFAULT;
    }

    /**
     * The history {@code --db} names, which opening creates when it is a SQLite file not there yet.
     *
     * @throws IllegalArgumentException with one plain line when the address or the password file is wrong
     */
    Database mayBeNew() {
        return new Database(DatabaseAddress.parse(written()), password.read());
    }

    /**
     * The history {@code --db} names, which must be there already: a SQLite file that is not is refused rather than
     * created empty.
     *
     * @throws IllegalArgumentException with one plain line when the address or the password file is wrong, or the file
     *                                  is missing
     */
    Database existing() {
        Database database = mayBeNew();
        mustExist(database.address(), written());
        return database;
    }

    /**
     * Refuses a SQLite file that is not there, which opening would create empty; a PostgreSQL database is checked when
     * it is opened.
     *
     * @throws IllegalArgumentException with one plain line naming the file
     */
    static void mustExist(DatabaseAddress address, String written) {
        if (address instanceof DatabaseAddress.SqliteFile file && !Files.isRegularFile(file.file())) {
            throw new IllegalArgumentException("Không có tệp cơ sở dữ liệu " + written + " (no such database file)");
        }
    }

    /** An address with the password that opens it. */
    record Database(DatabaseAddress address, String password) {
        /** Opens (creating and migrating when needed) the history. */
        EvaluationStore open() {
            return address.open(password);
        }

        /** Opens the assessment rounds beside {@code history}, which {@link #open} gave (and migrated). */
        RoundStore openRounds(EvaluationStore history) {
            return address.openRounds(history);
        }
    }
}
