package org.thidua.service.cli;

import java.nio.file.Path;
import java.util.Locale;

/** The format a command writes its output in, for the commands that take both {@code --format} and {@code --out}. */
final class OutputFormat {
    private OutputFormat() {
    }

    /** Whether a spreadsheet is to be written as XLSX: its name ends in {@code .xlsx} (else it is CSV). */
    static boolean xlsx(Path out) {
        return out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * The format {@code --format} names; without it, the one whose name is {@code --out}'s extension
     * ({@code xep-hang.xlsx}: {@code xlsx}); otherwise the command's own.
     *
     * @param chosen    {@code --format}, or {@code null}
     * @param out       {@code --out}, or {@code null}
     * @param otherwise the command's format when neither says
     */
    static <F extends Enum<F>> F of(F chosen, Path out, F otherwise) {
        if (chosen != null) {
            return chosen;
        }
        if (out != null) {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            for (F format : otherwise.getDeclaringClass().getEnumConstants()) {
                if (name.endsWith("." + format.name())) {
                    return format;
                }
            }
        }
        return otherwise;
    }
}
