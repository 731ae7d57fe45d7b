package com.example.boot;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One device over real HTTP: its own cookie jar (every cookie the application sets, kept as a browser would, also
 * {@code Secure} ones: the test runs on http://localhost), no redirects followed, a {@code User-Agent} of its own.
 */
final class Client {

    /** What the application answered. */
    record Response(int status, String location, String body, List<String> setCookies) {}

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String base;
    private final String userAgent;

    Client(String base, String userAgent) {
        this.base = base;
        this.userAgent = userAgent;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A form POST with exactly these fields (no CSRF token unless among them), from this application's origin. */
    Response post(String path, Map<String, String> fields) {
        return post(path, fields, base);
    }

    /** A form POST as a page of {@code origin} sends it. */
    Response post(String path, Map<String, String> fields, String origin) {
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Opens {@code page}, and posts these fields to {@code action} with the CSRF token of that page's forms. */
    Response submit(String page, String action, Map<String, String> fields) {
        return post(action, withCsrfToken(page, fields));
    }

    /** These fields and the CSRF token of {@code page}'s forms. */
    Map<String, String> withCsrfToken(String page, Map<String, String> fields) {
        Response form = get(page);
        Matcher token = CSRF.matcher(form.body());
        if (form.status() != 200 || !token.find()) {
            throw new AssertionError("no form with a CSRF token on " + page + ": " + form.status());
        }
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", token.group(1).replace("&#45;", "-"));
        return withToken;
    }

    Response signUp(String username, String password) {
        return submit("/sign-up", "/sign-up", Map.of("username", username, "password", password));
    }

    Response signIn(String username, String password) {
        return submit("/sign-in", "/sign-in", Map.of("username", username, "password", password));
    }

    /** A cookie's value, or {@code null} when the jar has none of that name. */
    String cookie(String name) {
        return cookies.get(name);
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    private Response send(HttpRequest.Builder request) {
        request.header("User-Agent", userAgent).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            setCookies.forEach(this::keep);
            return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body(), setCookies);
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    /** Keeps a {@code Set-Cookie}, or forgets the cookie when it is blank or expires at once. */
    private void keep(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        boolean expired = setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")
                || setCookie.contains("Expires=Thu, 01 Jan 1970") || setCookie.contains("Expires=Thu, 01-Jan-1970");
        if (value.isEmpty() || expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
