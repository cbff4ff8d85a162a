package org.thidua.service.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The database password, for a {@code --db postgresql://…} address: from a file ({@code --db-password-file}, its
 * first line) or the environment variable {@value #VARIABLE}; never from the command line, where every user of the
 * machine could read it in the process list. A SQLite file needs none.
 */
public final class DatabasePassword {
    static final String VARIABLE = "THIDUA_DB_PASSWORD";

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "Tệp chứa mật khẩu PostgreSQL (dòng đầu). Không có thì đọc biến môi trường " + VARIABLE + ".")
    Path file;

    /**
     * The password, or {@code null} when none is given.
     *
     * @throws IllegalArgumentException with one plain line when the file cannot be read
     */
    String read() {
        if (file == null) {
            return System.getenv(VARIABLE);
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("Không đọc được tệp mật khẩu " + file + " (cannot read the password file)");
        }
    }
}
