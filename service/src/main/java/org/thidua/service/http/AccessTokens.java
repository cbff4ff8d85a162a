package org.thidua.service.http;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The API tokens the service accepts, each with a name and roles. Only the SHA-256 of a token is configured and
 * kept, never the token itself. One entry a line, in a file ({@code --tokens FILE}) or in {@code THIDUA_TOKENS}
 * (entries separated by {@code ;} or new lines):
 *
 * <pre>
 * # name = sha256 of the token, then its roles
 * phong-noi-vu = 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae read,evaluate,rules
 * xa-huong-ngai = 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 unit:xa-huong-ngai
 * </pre>
 *
 * A role {@code unit:ID} (one per unit) gives the role {@code unit} for that unit only: the token submits and reads
 * the round records of the units it names, and nothing else.
 *
 * {@code thidua token NAME --roles …} makes a random token and prints its line.
 */
public final class AccessTokens {
    private record Entry(String name, byte[] sha256, Set<Role> roles, Set<String> units) {
    }

    private final List<Entry> entries;

    private AccessTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static AccessTokens none() {
        return new AccessTokens(List.of());
    }

    /** Reads a tokens file. */
    public static AccessTokens read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Không đọc được tệp token " + file + " (cannot read the tokens file): " + e.getMessage(), e);
        }
    }

    /**
     * Parses entries; every wrong one is reported at once.
     *
     * @param source where the text came from, for messages
     * @throws IllegalArgumentException naming each wrong entry
     */
    public static AccessTokens parse(String text, String source) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text.replace(';', '\n')));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : properties.stringPropertyNames().stream().sorted().toList()) {
            String[] parts = properties.getProperty(name).trim().split("\\s+", 2);
            String hash = parts[0].startsWith("sha256:") ? parts[0].substring("sha256:".length()) : parts[0];
            if (!hash.matches("[0-9a-fA-F]{64}")) {
                problems.add(name + ": cần mã SHA-256 của token, 64 chữ số hex (expected the token's SHA-256 in hex)");
                continue;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Set<String> units = new java.util.TreeSet<>();
            if (parts.length < 2 || parts[1].isBlank()) {
                problems.add(name + ": thiếu quyền, ví dụ read,evaluate (no roles; known: " + Role.KNOWN + ")");
                continue;
            }
            for (String role : parts[1].split("[,\\s]+")) {
                if (role.regionMatches(true, 0, "unit:", 0, 5)) {
                    String unit = role.substring(5);
                    if (!unit.matches("[a-z0-9-]{1,64}")) {
                        problems.add(name + ": '" + role + "' cần mã đơn vị [a-z0-9-] sau unit: (expected unit:ID)");
                    }
                    roles.add(Role.UNIT);
                    units.add(unit);
                    continue;
                }
                if (role.equalsIgnoreCase("unit")) {
                    problems.add(name + ": quyền unit cần mã đơn vị, ví dụ unit:xa-huong-ngai (the unit role names its units)");
                    continue;
                }
                Optional<Role> known = Role.of(role);
                if (known.isEmpty()) {
                    problems.add(name + ": không có quyền '" + role + "' (unknown role; known: " + Role.KNOWN + ")");
                }
                known.ifPresent(roles::add);
            }
            entries.add(new Entry(name, HexFormat.of().parseHex(hash.toLowerCase(java.util.Locale.ROOT)), roles, units));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Token sai trong " + source + " (bad token entries):\n  " + String.join("\n  ", problems));
        }
        return new AccessTokens(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /**
     * The caller a presented token belongs to. Compares the token's hash with every entry in constant time, and
     * goes through all of them whichever matches, so timing tells nothing about the tokens.
     */
    public Optional<Caller> authenticate(String token) {
        byte[] presented = sha256(token);
        Entry match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.sha256(), presented) && match == null) {
                match = entry;
            }
        }
        return Optional.ofNullable(match).map(e -> new Caller(e.name(), e.roles(), e.units()));
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
