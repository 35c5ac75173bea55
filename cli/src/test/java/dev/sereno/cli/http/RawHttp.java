package dev.sereno.cli.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** HTTP/1.1 by hand, for what a well-behaved client cannot send: broken framing, huge headers, trickled bodies. */
final class RawHttp {
    /** One answer: its status (0 if none came), its headers as text, its body. */
    record Answer(int status, String head, String body) {
        boolean hasHeader(String name) {
            return head.toLowerCase(Locale.ROOT).contains("\r\n" + name.toLowerCase(Locale.ROOT) + ":");
        }
    }

    private RawHttp() {
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setTcpNoDelay(true);
        return s;
    }

    /** Sends {@code request} on a new connection and reads the one answer (up to {@code timeoutMillis}). */
    static Answer exchange(int port, byte[] request, int timeoutMillis) {
        try (Socket s = connect(port)) {
            try {
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
            } catch (java.net.SocketException e) {
                // refused before the whole request was sent (e.g. 413): the answer is still there to read
            }
            return read(s, timeoutMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.UTF_8), 5_000);
    }

    /** Reads one answer from {@code s}: until its Content-Length is complete, the connection closes, or time runs out. */
    static Answer read(Socket s, int timeoutMillis) throws IOException {
        s.setSoTimeout(timeoutMillis);
        InputStream in = s.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                got.write(buf, 0, n);
                if (complete(got.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what came so far is the answer
        }
        return parse(got.toString(StandardCharsets.UTF_8));
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int eol = head.indexOf("\r\n", at);
        long length = Long.parseLong(head.substring(at + 15, eol < 0 ? head.length() : eol).strip());
        return text.getBytes(StandardCharsets.UTF_8).length - end - 4 >= length;
    }

    private static Answer parse(String text) {
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Answer(0, text, "");
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        return new Answer(Integer.parseInt(text.substring(9, 12)), head, body);
    }
}
