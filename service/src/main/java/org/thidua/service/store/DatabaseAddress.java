package org.thidua.service.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the history is, as an operator writes it after {@code --db}: a path is a SQLite file; a
 * {@code postgresql://host:port/database?user=…} address is a PostgreSQL database. Anything shaped like an address
 * ({@code scheme://…}, {@code jdbc:…}) is never taken for a file name, and a scheme other than PostgreSQL's is refused.
 * A password is never part of the address (it would show in the process list and in logs): it comes from the
 * environment or a file, given to {@link #open}.
 */
public sealed interface DatabaseAddress {
    /** The PostgreSQL connections a {@code thidua serve} keeps open, unless the address says {@code pool=N}. */
    int DEFAULT_POOL = 10;

    /** Opens (creating and migrating when needed) the history here. */
    EvaluationStore open(String password);

    /**
     * Opens the assessment rounds beside {@code history}, the store {@link #open} gave for this address (it has
     * migrated the schema; on PostgreSQL the rounds borrow its connections).
     */
    RoundStore openRounds(EvaluationStore history);

    /** As the operator wrote it, without secrets: for messages and logs. */
    String describe();

    /** A SQLite file. */
    record SqliteFile(Path file) implements DatabaseAddress {
        @Override
        public EvaluationStore open(String password) {
            return SqliteEvaluationStore.open(file);
        }

        @Override
        public RoundStore openRounds(EvaluationStore history) {
            return SqlRoundStore.open(file);
        }

        @Override
        public String describe() {
            return file.toAbsolutePath().toString();
        }
    }

    /**
     * A PostgreSQL database.
     *
     * @param jdbcUrl    the driver's address, with the address's other parameters ({@code sslmode=…}), without
     *                   {@code user} and {@code pool}
     * @param user       the role to connect as
     * @param pool       connections kept open
     * @param written    the address as written, for messages
     */
    record Postgres(String jdbcUrl, String user, int pool, String written) implements DatabaseAddress {
        @Override
        public EvaluationStore open(String password) {
            return PostgresEvaluationStore.open(this, password);
        }

        @Override
        public RoundStore openRounds(EvaluationStore history) {
            if (!(history instanceof PostgresEvaluationStore postgres)) {
                throw new IllegalArgumentException("the rounds of " + written + " go beside its PostgreSQL history");
            }
            return SqlRoundStore.borrowing(postgres.pool());
        }

        @Override
        public String describe() {
            return written;
        }
    }

    /** {@code scheme:…//} or {@code jdbc:}: an address, whatever follows. */
    Pattern ADDRESS = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*|^jdbc:.*", Pattern.DOTALL);

    /**
     * Reads an address.
     *
     * @throws IllegalArgumentException with one plain line saying what is wrong
     */
    static DatabaseAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--db trống (empty): cần một tệp SQLite hoặc postgresql://máy:cổng/csdl?user=…");
        }
        if (!ADDRESS.matcher(text).matches()) {
            return new SqliteFile(Path.of(text));
        }
        String scheme = text.substring(0, text.indexOf(':')).toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
            throw new IllegalArgumentException("Không hỗ trợ cơ sở dữ liệu '" + scheme + ":' (unsupported database address;"
                    + " use a SQLite file path or postgresql://host:port/database?user=NAME)");
        }
        return postgres(text);
    }

    private static Postgres postgres(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Địa chỉ PostgreSQL sai (bad PostgreSQL address): " + e.getReason());
        }
        String host = uri.getHost();
        String path = uri.getRawPath();
        if (host == null || path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("Địa chỉ PostgreSQL cần dạng postgresql://máy:cổng/csdl?user=tên"
                    + " (expected postgresql://host:port/database?user=NAME)");
        }
        String user = null;
        if (uri.getRawUserInfo() != null) {
            if (uri.getRawUserInfo().contains(":")) {
                throw passwordInAddress();
            }
            user = decode(uri.getRawUserInfo());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                parameters.put(name, value);
            }
        }
        if (parameters.containsKey("password")) {
            throw passwordInAddress();
        }
        if (parameters.containsKey("user")) {
            user = parameters.remove("user");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("Địa chỉ PostgreSQL thiếu người dùng (no user): postgresql://máy:cổng/csdl?user=tên");
        }
        int pool = DEFAULT_POOL;
        String poolText = parameters.remove("pool");
        if (poolText != null) {
            try {
                pool = Integer.parseInt(poolText);
            } catch (NumberFormatException e) {
                pool = 0;
            }
            if (pool < 1 || pool > 200) {
                throw new IllegalArgumentException("pool=" + poolText + " không hợp lệ (pool must be a number of connections from 1 to 200)");
            }
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getRawAuthority().replaceFirst("^[^@]*@", ""))
                .append(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            jdbc.append(separator).append(parameter.getKey()).append('=')
                    .append(java.net.URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return new Postgres(jdbc.toString(), user, pool, text);
    }

    private static IllegalArgumentException passwordInAddress() {
        return new IllegalArgumentException("Không ghi mật khẩu trong địa chỉ (no password in the address: it shows in the"
                + " process list and logs); dùng biến THIDUA_DB_PASSWORD hoặc --db-password-file");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
