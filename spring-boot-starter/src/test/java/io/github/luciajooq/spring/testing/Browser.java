package io.github.luciajooq.spring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A client over real HTTP that keeps cookies as a browser does (set, replaced, removed by {@code Max-Age=0}),
 * follows no redirects, and remembers every cookie name it was ever sent.
 */
public final class Browser {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final List<String> cookieNamesSet = new ArrayList<>();

    public Browser(int port) {
        this.base = "http://localhost:" + port;
    }

    public String origin() {
        return base;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public List<String> cookieNamesSet() {
        return cookieNamesSet;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    /** A form post, as a page of this site sends it (Sec-Fetch-Site: same-origin), unless headers say otherwise. */
    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        boolean fetchSite = false;
        for (int i = 0; i < headers.length; i += 2) {
            fetchSite |= headers[i].equalsIgnoreCase("Sec-Fetch-Site");
        }
        if (!fetchSite) {
            request.header("Sec-Fetch-Site", "same-origin");
        }
        return send(request, headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('=')).trim();
                String value = pair.substring(pair.indexOf('=') + 1).trim();
                cookieNamesSet.add(name);
                if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
