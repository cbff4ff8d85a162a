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

    @Option(names = "--roles", split = ",", defaultValue = "read,evaluate", paramLabel = "ROLE",
            description = "Quyền: read, evaluate, rules. Mặc định: ${DEFAULT-VALUE}.")
    List<String> roles;

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
        for (String role : roles) {
            if (Role.of(role).isEmpty()) {
                err.println("Không có quyền '" + role + "' (unknown role; known: read, evaluate, rules)");
                return ExitCode.BAD_INPUT;
            }
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = "thd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        out.println("# Token (đưa cho người gọi, không lưu ở đâu khác / give it to the caller; it is not kept):");
        out.println("#   " + token);
        out.println("# Dòng cho tệp token (line for the tokens file):");
        out.println(name + " = " + HexFormat.of().formatHex(AccessTokens.sha256(token)) + " " + String.join(",", roles));
        out.flush();
        return ExitCode.OK;
    }
}
