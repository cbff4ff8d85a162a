package org.thidua.service.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Writes a large dossier file for the bounded-heap test (never committed): rows spread over 30 units, each unit's
 * rows cycling through early, on time, late and still open. Run alone: {@code DossierFileGenerator FILE ROWS}.
 */
public final class DossierFileGenerator {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private DossierFileGenerator() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    public static void write(Path file, int rows) throws IOException {
        LocalDate start = LocalDate.of(2021, 1, 4);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("\uFEFFMã đơn vị,Tên đơn vị,Loại đơn vị,Mã hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả\n");
            for (int i = 0; i < rows; i++) {
                int unit = i % 30;
                LocalDate received = start.plusDays(i % 300);
                LocalDate due = received.plusDays(7);
                String returned = switch ((i / 30) % 4) {
                    case 0 -> DAY.format(due.minusDays(2));
                    case 1 -> DAY.format(due);
                    case 2 -> DAY.format(due.plusDays(3));
                    default -> "";
                };
                out.write("xa-" + unit + ",UBND xã Số " + unit + ",Xã,000.00.31.H26-" + i + "," + DAY.format(received) + ","
                        + DAY.format(due) + "," + returned + "\n");
            }
        }
    }
}
