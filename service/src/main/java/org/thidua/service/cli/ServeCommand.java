package org.thidua.service.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSetException;
import org.thidua.service.evaluate.EvaluateAndStore;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.EvaluationService;
import org.thidua.service.live.LiveCampaigns;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.StoreException;
import org.thidua.service.store.StoredRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thidua serve}: the HTTP service, with its history in a SQLite file or a PostgreSQL database. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Chạy dịch vụ đánh giá HTTP, lưu lịch sử vào SQLite hoặc PostgreSQL (runs the evaluation service).",
                "Mã thoát (exit codes): 2 cấu hình sai, 3 luật sai, 1 lỗi khác."})
public final class ServeCommand extends RulesCommand {
    static final String TOKENS_VARIABLE = "THIDUA_TOKENS";
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Địa chỉ lắng nghe; ngoài loopback thì bắt buộc có token. Mặc định: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "7070", paramLabel = "PORT",
            description = "Cổng; 0 chọn cổng trống. Mặc định: ${DEFAULT-VALUE}.")
    int port;

    @Mixin
    DatabaseOption db;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = "Tệp token: mỗi dòng 'tên = sha256-của-token quyền,quyền' (xem thidua token). "
                    + "Không có thì đọc biến môi trường " + TOKENS_VARIABLE + ".")
    Path tokensFile;

    @Option(names = "--max-body", defaultValue = "4MB", paramLabel = "SIZE", converter = ByteSize.class,
            description = "Kích thước lớn nhất của một yêu cầu (1048576, 512KB, 4MB). Mặc định: 4MB.")
    long maxBody;

    @Option(names = "--seed", paramLabel = "FILE",
            description = "Tệp yêu cầu JSON đánh giá và lưu khi khởi động, nếu cơ sở dữ liệu còn trống (loads an example).")
    Path seed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AccessTokens tokens;
        boolean loopback;
        DatabaseOption.Database database;
        try {
            database = db.mayBeNew();
            tokens = tokensFile != null ? AccessTokens.read(tokensFile)
                    : AccessTokens.parse(System.getenv().getOrDefault(TOKENS_VARIABLE, ""), TOKENS_VARIABLE);
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (UnknownHostException e) {
            err.println("Không có địa chỉ " + host + " (unknown host)");
            return ExitCode.BAD_INPUT;
        }
        if (!loopback && tokens.isEmpty()) {
            err.println("Từ chối lắng nghe tại " + host + " khi chưa có token: ai trong mạng cũng gọi được dịch vụ. "
                    + "Cấu hình token bằng --tokens FILE hoặc biến " + TOKENS_VARIABLE + " (xem thidua token), "
                    + "hoặc chỉ lắng nghe trên máy này với --host 127.0.0.1.");
            err.println("(Refusing to listen on " + host + " without access tokens: configure --tokens FILE or "
                    + TOKENS_VARIABLE + ", or listen on loopback only.)");
            return ExitCode.BAD_INPUT;
        }
        // The history opens while the campaigns compile: a cold start pays the longer of the two, not both.
        java.util.concurrent.CompletableFuture<EvaluationStore> opening = ParallelStart.openStore(database);
        RuleLibrary library;
        try {
            library = rules.load();
        } catch (IllegalArgumentException e) {
            ParallelStart.discard(opening);
            err.println(e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (library.ruleSets().isEmpty()) {
            ParallelStart.discard(opening);
            err.println("Không chiến dịch nào dùng được (no campaign compiles):");
            rules.print(library.allProblems(), err);
            return ExitCode.BAD_RULES;
        }
        library.problems().forEach((id, problems) -> {
            LOG.warn("Chiến dịch {} có lỗi, không phục vụ (campaign not served):", id);
            problems.forEach(p -> LOG.warn("  {}", rules.describe(p)));
        });

        ParallelStart.warmUp(library);
        EvaluationStore store;
        try {
            store = ParallelStart.await(opening);
        } catch (StoreException e) {
            err.println(e.getMessage());
            return ExitCode.FAILED;
        }
        if (seed != null) {
            Integer failed = seed(library, store, err);
            if (failed != null) {
                store.close();
                return failed;
            }
        }
        LiveCampaigns live = new LiveCampaigns(library);
        // Every version that goes live (now, and at each accepted reload) is handed to these listeners; the service
        // adds the one that keeps each version in the database.
        live.onGoLive(ruleSet -> LOG.debug("Phục vụ (live): {} {}", ruleSet.campaign().id(), ruleSet.version()));
        EvaluationService service;
        try {
            service = EvaluationService.start(live, store, database.openRounds(store),
                    new EvaluationService.Settings(host, port, maxBody, tokens));
        } catch (RuntimeException e) {
            live.close();
            store.close();
            err.println("Không khởi động được dịch vụ tại " + host + ":" + port + " (cannot start): " + e.getMessage());
            return ExitCode.FAILED;
        }
        if (rules.directory != null) {
            // Bundled campaigns are not watched: there is nothing to edit.
            live.watch();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Đang dừng (stopping)");
            service.close();
            stopped.countDown();
        }, "thidua-shutdown"));
        LOG.info("Chiến dịch (campaigns): {}; cơ sở dữ liệu (database): {}; token: {}", library.ruleSets().keySet(),
                database.address().describe(), tokens.isEmpty() ? "không có, chỉ đọc và đánh giá, chỉ trên loopback" : tokens.size());
        out.println("thidua đang phục vụ tại " + service.uri() + " (serving; OpenAPI: " + service.uri() + "/openapi.json)");
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }

    /** Evaluates and stores the seed file into an empty history; returns an exit code when it is refused. */
    private Integer seed(RuleLibrary library, EvaluationStore store, PrintWriter err) {
        if (!store.isEmpty()) {
            LOG.info("Cơ sở dữ liệu đã có dữ liệu, bỏ qua {} (the database is not empty: seed skipped)", seed);
            return null;
        }
        try {
            StoredRequest stored = EvaluateAndStore.json(library, store, Files.readAllBytes(seed), null,
                    "seed:" + seed.getFileName()).stored();
            LOG.info("Đã nạp {}: {} đơn vị, yêu cầu {} (seeded)", seed, stored.evaluations().size(), stored.requestId());
            return null;
        } catch (NoSuchFileException e) {
            err.println("Không có tệp " + seed + " (no such file)");
            return ExitCode.BAD_INPUT;
        } catch (IOException e) {
            err.println("Không đọc được " + seed + ": " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (InvalidInputException e) {
            err.println("Tệp " + seed + " bị từ chối (seed refused):");
            e.problems().forEach(p -> err.println(p.path() + ": " + p.message()));
            return ExitCode.BAD_INPUT;
        } catch (RuleSetException e) {
            err.println("Bộ luật có lỗi (the rules do not compile):");
            rules.print(e.problems(), err);
            return ExitCode.BAD_RULES;
        }
    }

    /** Sizes as a person writes them: {@code 1048576}, {@code 512KB}, {@code 4MB}. */
    static final class ByteSize implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String text = value.trim().toUpperCase(Locale.ROOT).replace(" ", "");
            long unit = 1;
            if (text.endsWith("KB") || text.endsWith("K")) {
                unit = 1024;
            } else if (text.endsWith("MB") || text.endsWith("M")) {
                unit = 1024 * 1024;
            }
            String digits = text.replaceAll("[KMB]+$", "");
            try {
                long size = Long.parseLong(digits) * unit;
                if (size < 1) {
                    throw new IllegalArgumentException();
                }
                return size;
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' không phải kích thước (expected a size like 4MB)");
            }
        }
    }
}
