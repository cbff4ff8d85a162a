package org.thidua.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP/1.1 spoken byte by byte over a socket: the request goes out exactly as written (no client normalises its path,
 * its headers or its length), and the answer is read as the server wrote it.
 */
final class RawHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RawHttp() {
    }

    /**
     * One answer.
     *
     * @param status    0 when the server closed the connection without answering
     * @param headers   names in lower case
     * @param sentWhole whether every byte of the request was written before the server closed
     */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean sentWhole) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + ", " + contentType() + "): " + text(), e);
            }
        }

        /** Whether the body is a problem+json document, UTF-8, whose status is the answer's. */
        boolean isProblem() {
            if (!contentType().toLowerCase(Locale.ROOT).replace(" ", "").equals("application/problem+json;charset=utf-8")) {
                return false;
            }
            try {
                JsonNode problem = MAPPER.readTree(body);
                return problem != null && problem.path("status").asInt() == status
                        && problem.path("type").asText().startsWith("urn:thidua:problem:") && problem.hasNonNull("title");
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + text();
        }
    }

    /** Sends the bytes and reads the one answer; {@code closeAfter} closes the client's side once they are sent. */
    static Answer send(int port, byte[] request, boolean closeAfter) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            boolean sentWhole = false;
            try {
                out.write(request);
                out.flush();
                sentWhole = true;
                if (closeAfter) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // the server may answer (413, 400) and close before a large or broken request is all sent
            }
            boolean head = new String(request, 0, Math.min(5, request.length), StandardCharsets.ISO_8859_1).equals("HEAD ");
            return read(socket.getInputStream(), head, sentWhole);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer send(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.UTF_8), false);
    }

    private static Answer read(InputStream in, boolean headRequest, boolean sentWhole) throws IOException {
        String head;
        try {
            head = head(in);
            while (head.matches("HTTP/1\\.1 1\\d\\d[\\s\\S]*")) {
                head = head(in); // an interim answer (100 Continue): the answer follows
            }
        } catch (IOException reset) {
            return new Answer(0, Map.of(), new byte[0], sentWhole);
        }
        if (head.isEmpty()) {
            return new Answer(0, Map.of(), new byte[0], sentWhole);
        }
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (headRequest) {
            body = new byte[0];
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunks(in);
        } else if (status == 204 || status == 304) {
            body = new byte[0];
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, body, sentWhole);
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            head.write(b);
            if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in).split(";", 2)[0].trim();
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                line(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
