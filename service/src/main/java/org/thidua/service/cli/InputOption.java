package org.thidua.service.cli;

import picocli.CommandLine.Option;

/** {@code --input FILE|-}: the request a command evaluates (JSON contract v1 or a unit sheet), {@code -} for standard input. */
public final class InputOption {
    @Option(names = "--input", required = true, paramLabel = "FILE|-", descriptionKey = "input",
            description = "Tệp yêu cầu JSON, bảng số liệu đơn vị .csv/.xlsx, hoặc - để đọc từ đầu vào chuẩn (request file: JSON, CSV or XLSX; - for standard input).")
    String file;

    /** The file given, or {@code -}. */
    String file() {
        return file;
    }
}
