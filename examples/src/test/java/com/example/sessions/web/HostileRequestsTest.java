package com.example.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.sessions.DemoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random requests, as an attacker would write them byte for byte, to every route of the demo: whatever the
 * cookie, origin, authorization, content type or form body, the answer is never a server error.
 */
class HostileRequestsTest {

    private static final List<String> ROUTES = List.of("GET /", "GET /sign-in", "GET /sign-up", "POST /sign-in",
            "POST /sign-up", "POST /sign-out", "POST /sign-out-everywhere", "POST /sessions/revoke", "GET /%00",
            "GET /%ZZ", "POST /");
    private static final List<String> NAMES = List.of("Cookie", "Origin", "Authorization", "Content-Type",
            "User-Agent", "Host", "X-Forwarded-For");
    private static final List<String> FRAGMENTS = List.of("auth_session=", "auth_session", "=", ";", " ", "\"", "%",
            "%00", "%C3", "%FF", "%ZZ", "\u0000", "\u0001", "\r\n", "\u00fc", "\uD83D\uDE00", "'", "\\",
            "'; delete from user_session; --", "Bearer ", "http://", "https://localhost", "null", "username=",
            "password=", "handle=", "&", "application/x-www-form-urlencoded", "text/plain; charset=",
            "multipart/form-data; boundary=", "abcdefghijklmnopqrstuvwxyz234567", "0123456789abcdef");

    private static LocalDemo demo;

    @BeforeAll
    static void start() throws IOException {
        demo = LocalDemo.start(DemoDatabase.forTests(), 0);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void noRequestMakesAServerError(long seed) throws IOException {
        Random random = new Random(seed);
        for (int request = 0; request < 150; request++) {
            StringBuilder headers = new StringBuilder();
            for (int header = random.nextInt(5); header >= 0; header--) {
                headers.append(NAMES.get(random.nextInt(NAMES.size()))).append(": ").append(text(random))
                        .append("\r\n");
            }
            String body = text(random);
            String raw = ROUTES.get(random.nextInt(ROUTES.size())) + " HTTP/1.1\r\nHost: localhost:" + demo.port()
                    + "\r\nConnection: close\r\n" + headers;

            int status = send(raw, body);

            assertThat(status).as("%s%n%n%s", raw, body).isLessThan(500);
        }
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int piece = random.nextInt(10); piece >= 0; piece--) {
            text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        return text.toString();
    }

    /** Sends a request's head and body; the status of the answer, or -1 when the server closed without one. */
    private static int send(String head, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", demo.port())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write((head + "Content-Length: " + content.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(content);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int next = in.read(); next >= 0 && next != '\n'; next = in.read()) {
                line.write(next);
            }
            String status = line.toString(StandardCharsets.ISO_8859_1);
            return status.startsWith("HTTP/1.1 ") && status.length() >= 12 ? Integer.parseInt(status.substring(9, 12))
                    : -1;
        } catch (SocketException closed) {
            return -1;
        }
    }
}
