package io.github.luciajooq.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP/1.1 request written byte for byte, for headers no HTTP client would send (NUL, line breaks, lone
 * surrogates as UTF-8 replacement, 100 kB values).
 */
public final class RawHttp {

    private RawHttp() {}

    /**
     * Sends one request and reads the status of the answer.
     *
     * @return the status code, or -1 when the server closed the connection without answering
     */
    public static int status(int port, String method, String path, Map<String, String> headers) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: 0\r\n\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            String statusLine = firstLine(socket.getInputStream());
            return statusLine.startsWith("HTTP/1.1 ") && statusLine.length() >= 12
                    ? Integer.parseInt(statusLine.substring(9, 12))
                    : -1;
        } catch (IOException failed) {
            if (failed instanceof java.net.SocketException) {
                return -1;
            }
            throw new UncheckedIOException(failed);
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) >= 0 && next != '\n') {
            line.write(next);
        }
        return line.toString(StandardCharsets.ISO_8859_1).trim();
    }
}
