package org.thidua.service.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.Role;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code thidua token NAME --roles …}: makes a random API token and the line that configures it (its hash). */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Tạo một token API ngẫu nhiên và dòng cấu hình (chỉ chứa mã băm) cho tệp --tokens.",
                "(Makes a random API token and its line for the tokens file; the file keeps only the hash.)"})
public final class TokenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Tên của token, ghi vào lịch sử là người gọi (the caller's name).")
    String name;

    @Option(names = "--roles", split = ",", paramLabel = "ROLE",
            description = "Quyền: read, evaluate, rules, appraise, unit:ID (token của đơn vị ID trong kỳ đánh giá)."
                    + " Mặc định: read,evaluate; với --units: chỉ quyền của đơn vị.")
    List<String> roles;

    @Option(names = "--units", split = ",", paramLabel = "ID",
            description = "Token của đơn vị: nộp và xem báo cáo của các đơn vị này trong kỳ đánh giá (quyền unit:ID).")
    List<String> units = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!name.matches("[A-Za-z0-9._@-]+")) {
            err.println("Tên token chỉ gồm chữ, số và . _ @ - (name: letters, digits, . _ @ -)");
            return ExitCode.BAD_INPUT;
        }
        List<String> all = new java.util.ArrayList<>(roles != null ? roles : units.isEmpty() ? List.of("read", "evaluate") : List.of());
        units.forEach(unit -> all.add("unit:" + unit));
        for (String role : all) {
            boolean unitScoped = role.startsWith("unit:") && role.substring(5).matches("[a-z0-9-]{1,64}");
            if (!unitScoped && (Role.of(role).isEmpty() || Role.of(role).get() == Role.UNIT)) {
                err.println("Không có quyền '" + role + "' (unknown role; known: " + Role.KNOWN + ")");
                return ExitCode.BAD_INPUT;
            }
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = "thd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        out.println("# Token (đưa cho người gọi, không lưu ở đâu khác / give it to the caller; it is not kept):");
        out.println("#   " + token);
        out.println("# Dòng cho tệp token (line for the tokens file):");
        out.println(name + " = " + HexFormat.of().formatHex(AccessTokens.sha256(token)) + " " + String.join(",", all));
        out.flush();
        return ExitCode.OK;
    }
}
