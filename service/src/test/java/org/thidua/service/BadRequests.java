package org.thidua.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.thidua.service.sheets.TestXlsx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A seeded generator of requests a careless or hostile client sends: valid requests mutated byte by byte and field by
 * field, random bytes, wrong types, giant values, invalid UTF-8 and lone surrogates, odd paths, methods and headers,
 * broken framing, wrong content types, and broken XLSX, ODS and CSV sheets. The same seed gives the same requests.
 * Some requests are valid (fresh unit ids) so that acknowledged evaluations can be counted against the store.
 */
final class BadRequests {
    /** One request: its bytes exactly as sent, and what it is, for the failure message. */
    record Input(String label, byte[] bytes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVALUATIONS = "/api/v1/evaluations";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    private static final String CSV_HEADER = "Mã đơn vị,Tên đơn vị,Loại đơn vị,Số phiếu khảo sát,Số phiếu hài lòng\r\n";
    private static final List<String> PATHS = List.of(EVALUATIONS, "/api/v1/evaluations/abc", "/api/v1/units/xa-mot/evaluations",
            "/api/v1/campaigns", "/api/v1/campaigns/thach-that-cchc-2021", "/api/v1/campaigns/thach-that-cchc-2021/ranking",
            "/api/v1/campaigns/thach-that-cchc-2021/commendations", "/api/v1/campaigns/thach-that-cchc-2021/preview",
            "/api/v1/campaigns/thach-that-cchc-2021/reload", "/api/v1/rulesets/sha256:00", "/api/v1/imports/dossiers?period=2021",
            "/api/v1/imports/surveys", "/api/v1/templates/units.csv", "/api/v1/templates/units.xlsx",
            "/reports/thach-that-cchc-2021", "/reports/thach-that-cchc-2021.csv", "/campaigns/thach-that-cchc-2021", "/health",
            "/openapi.json");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "BREW", "CONNECT");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json; charset=ISO-8859-1", "application/json; charset=utf-16", "text/plain", "text/csv", XLSX, ODS,
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/problem+json", "", ";;;",
            "application/json; charset=\"", "text/csv; charset=windows-1258");
    private static final List<String> PATH_TRICKS = List.of("%00", "..;/", "%2e%2e/", "%2F", "%ff%fe", "//", "%c0%af", "%u002e",
            "\\..\\", ";jsessionid=1", "?limit=-1", "?limit=999999999999", "?cursor=%ff", "?period=2021-13-45..x", "%e2%80%ae",
            "?a=" + "x".repeat(9000), "#frag", "%25", "/.", "/..%00/");

    private final Random random;
    private final byte[] example;
    private final byte[] xlsx;
    private final byte[] ods;
    private int units;

    BadRequests(long seed, Path scratch) throws IOException {
        this.random = new Random(seed);
        this.example = Files.readAllBytes(Path.of("../examples/data/thach-that-2021.json"));
        this.xlsx = Files.readAllBytes(TestXlsx.write(scratch.resolve("fuzz-units.xlsx"), List.of(
                List.of("Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Số phiếu khảo sát", "Số phiếu hài lòng"),
                List.of("xa-fuzz-mot", "UBND xã Một", "Xã", 200, 191),
                List.of("xa-fuzz-hai", "UBND xã Hai", "Xã", 100, 99))));
        this.ods = Files.readAllBytes(Path.of("src/test/resources/sheets/two-units.ods"));
    }

    Input next() {
        int pick = random.nextInt(100);
        if (pick < 10) {
            return post("a valid request", EVALUATIONS, "application/json", validRequest());
        } else if (pick < 30) {
            return post("the example with bytes mutated", EVALUATIONS, "application/json", mutateBytes(example));
        } else if (pick < 48) {
            return post("a valid request with a field mutated", EVALUATIONS, "application/json", mutateTree());
        } else if (pick < 55) {
            return post("random bytes", pick(PATHS), pick(CONTENT_TYPES), randomBytes(random.nextInt(4096)));
        } else if (pick < 67) {
            return oddPath();
        } else if (pick < 82) {
            return oddFraming();
        } else {
            return brokenSheet();
        }
    }

    private byte[] validRequest() {
        List<String> reports = new ArrayList<>();
        for (int i = random.nextInt(3); i >= 0; i--) {
            reports.add(Requests.commune("fz-" + Integer.toString(units++, 36), "UBND xã Thử " + units, random.nextInt(6)));
        }
        return Requests.request(reports).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] mutateBytes(byte[] original) {
        byte[] bytes = original.clone();
        int times = 1 + random.nextInt(4);
        for (int t = 0; t < times; t++) {
            if (bytes.length == 0) {
                bytes = new byte[] {'{'};
            }
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(7)) {
                case 0 -> flip(bytes, at);
                case 1 -> java.util.Arrays.copyOf(bytes, at);
                case 2 -> insert(bytes, at, randomBytes(1 + random.nextInt(16)));
                case 3 -> insert(bytes, at, pick(List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0x80},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
                        "\\ud800".getBytes(StandardCharsets.US_ASCII), "\\u0000".getBytes(StandardCharsets.US_ASCII))));
                case 4 -> insert(bytes, bytes.length, pick(List.of("}}}", " trailing words", "\u0000", "{\"reports\":[]}"))
                        .getBytes(StandardCharsets.UTF_8));
                case 5 -> insert(bytes, at, java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + random.nextInt(200))));
                default -> insert(bytes, at, "[".repeat(random.nextInt(3000)).getBytes(StandardCharsets.US_ASCII));
            };
        }
        return bytes;
    }

    private byte[] mutateTree() {
        try {
            JsonNode tree = JSON.readTree(random.nextBoolean() ? example : validRequest());
            List<ObjectNode> parents = new ArrayList<>();
            collect(tree, parents);
            ObjectNode parent = pick(parents);
            List<String> names = new ArrayList<>();
            parent.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() ? "x" : pick(names);
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            switch (random.nextInt(12)) {
                case 0 -> parent.remove(name);
                case 1 -> parent.put(name, "abc");
                case 2 -> parent.putNull(name);
                case 3 -> parent.put(name, new java.math.BigDecimal("1e400"));
                case 4 -> parent.put(name, new java.math.BigInteger("99999999999999999999999999"));
                case 5 -> parent.put(name, -1 - random.nextInt(1000));
                case 6 -> parent.put(name, "x".repeat(random.nextInt(200_000)));
                case 7 -> parent.put(name, "X\uD800y");
                case 8 -> parent.put(name, pick(List.of("\u202Eevil", "a\u0000b", "\u001b[31m", "../../etc/passwd", "=HYPERLINK(1)")));
                case 9 -> parent.set(name, nodes.arrayNode().add(1).add("a"));
                case 10 -> parent.put("unknownField" + random.nextInt(3), true);
                default -> parent.put(name, random.nextDouble() * 1e6);
            }
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
            object.elements().forEachRemaining(child -> collect(child, objects));
        } else if (node instanceof ArrayNode array) {
            for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
                collect(it.next(), objects);
            }
        }
    }

    private Input oddPath() {
        String path = pick(PATHS);
        String trick = pick(PATH_TRICKS);
        int at = 1 + random.nextInt(path.length());
        String odd = random.nextBoolean() ? path.substring(0, at) + trick + path.substring(at) : path + trick;
        String method = pick(METHODS);
        byte[] body = method.equals("GET") || method.equals("HEAD") ? new byte[0] : validRequest();
        return raw(method + " " + odd, "a " + method + " on an odd path", Map.of("Content-Type", "application/json"), body);
    }

    private Input oddFraming() {
        byte[] body = random.nextBoolean() ? validRequest() : mutateBytes(example);
        String head = "POST " + EVALUATIONS + " HTTP/1.1\r\nHost: fuzz\r\nContent-Type: application/json\r\nConnection: close\r\n";
        String label;
        byte[] tail;
        switch (random.nextInt(10)) {
            case 0 -> {
                label = "a negative Content-Length";
                head += "Content-Length: -" + body.length + "\r\n";
                tail = body;
            }
            case 1 -> {
                label = "a Content-Length that is no number";
                head += "Content-Length: " + pick(List.of("abc", "1e3", "0x10", "", "99999999999999999999")) + "\r\n";
                tail = body;
            }
            case 2 -> {
                label = "a Content-Length longer than the body (the client then closes)";
                head += "Content-Length: " + (body.length + 1 + random.nextInt(5000)) + "\r\n";
                tail = body;
            }
            case 3 -> {
                label = "a Content-Length shorter than the body";
                head += "Content-Length: " + random.nextInt(Math.max(1, body.length)) + "\r\n";
                tail = body;
            }
            case 4 -> {
                label = "a chunked body with a bad chunk size";
                head += "Transfer-Encoding: chunked\r\n";
                tail = concat((pick(List.of("ZZ", "-1", "fffffffffffffffff", "1;" + "x".repeat(9000), "")) + "\r\n").getBytes(
                        StandardCharsets.US_ASCII), body, "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            case 5 -> {
                label = "a chunked body cut short";
                head += "Transfer-Encoding: chunked\r\n";
                tail = concat((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII),
                        java.util.Arrays.copyOf(body, random.nextInt(Math.max(1, body.length))));
            }
            case 6 -> {
                label = "both Content-Length and chunked";
                head += "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n";
                tail = concat((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII), body,
                        "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            case 7 -> {
                label = "headers over the limit";
                head += "X-Padding: " + "a".repeat(20_000 + random.nextInt(60_000)) + "\r\nContent-Length: " + body.length + "\r\n";
                tail = body;
            }
            case 8 -> {
                label = "a header with bytes that are no ASCII";
                return new Input(label, concat(head.getBytes(StandardCharsets.US_ASCII), "X-Odd: ".getBytes(StandardCharsets.US_ASCII),
                        randomBytes(1 + random.nextInt(40)), ("\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(
                                StandardCharsets.US_ASCII), body));
            }
            default -> {
                label = "an odd token or content type";
                head += "Authorization: " + pick(List.of("Bearer ", "Bearer \u00ff\u00fe", "Basic ???", "Bearer " + "t".repeat(5000)))
                        + "\r\nContent-Type: " + pick(CONTENT_TYPES) + "\r\nExpect: 100-continue\r\nContent-Length: " + body.length
                        + "\r\n";
                tail = body;
            }
        }
        return new Input(label, concat((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1), tail));
    }

    private Input brokenSheet() {
        String path = pick(List.of(EVALUATIONS, EVALUATIONS, "/api/v1/imports/dossiers?period=2021", "/api/v1/imports/surveys"));
        return switch (random.nextInt(6)) {
            case 0 -> post("an XLSX with bytes mutated", path, XLSX, mutateZip(xlsx));
            case 1 -> post("an XLSX cut short", path, XLSX, java.util.Arrays.copyOf(xlsx, random.nextInt(xlsx.length)));
            case 2 -> post("an ODS with bytes mutated", path, ODS, mutateZip(ods));
            case 3 -> post("a CSV with bytes that are no UTF-8", path, "text/csv", concat(CSV_HEADER.getBytes(StandardCharsets.UTF_8),
                    "xa-fuzz,UBND ".getBytes(StandardCharsets.UTF_8), pick(List.of(new byte[] {(byte) 0xFF, (byte) 0xFE},
                            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, randomBytes(8))), ",Xã,10,9\r\n".getBytes(StandardCharsets.UTF_8)));
            case 4 -> post("a CSV with odd cells", path, "text/csv", (CSV_HEADER + pick(List.of("=cmd|' /C calc'!A0,=1+1,Xã,1,1",
                    "xa-fuzz,\"unclosed,Xã,1,1", "xa-fuzz,UBND," + "x".repeat(100_000) + ",1,1", ",,,,,,,,,,,,,,,,,,,,", "xa-fuzz,UBND,Xã,1e9999,-0",
                    "\u0000,\u0000,\u0000,\u0000,\u0000", "xa-fuzz,UBND,Xã,10,9\r\n".repeat(1 + random.nextInt(300)))) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            default -> post("a sheet body that is another format", path, pick(List.of(XLSX, ODS, "text/csv")),
                    pick(List.of(example, xlsx, ods, randomBytes(512))));
        };
    }

    /** A zip archive with a few bytes changed past its first local header (so it still looks like a workbook). */
    private byte[] mutateZip(byte[] archive) {
        byte[] bytes = archive.clone();
        for (int t = 1 + random.nextInt(6); t > 0; t--) {
            int at = 30 + random.nextInt(bytes.length - 30);
            bytes[at] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private Input post(String label, String path, String contentType, byte[] body) {
        return raw("POST " + path, label, contentType.isEmpty() ? Map.of() : Map.of("Content-Type", contentType), body);
    }

    private static Input raw(String requestLine, String label, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return new Input(label + " (" + requestLine + ")", out.toByteArray());
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] flip(byte[] bytes, int at) {
        bytes[at] = (byte) (bytes[at] ^ (1 << random.nextInt(8)));
        return bytes;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        return concat(java.util.Arrays.copyOf(bytes, at), inserted, java.util.Arrays.copyOfRange(bytes, at, bytes.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
