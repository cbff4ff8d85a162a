package org.thidua.service.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --db FILE}: the SQLite history of {@code thidua serve}, {@code thidua.db} unless told. */
public final class DatabaseOption {
    @Option(names = "--db", defaultValue = "thidua.db", paramLabel = "FILE", descriptionKey = "db",
            description = "Tệp SQLite lưu lịch sử, tạo khi chưa có. Mặc định: ${DEFAULT-VALUE}.")
    Path file;

    Path file() {
        return file;
    }
}
