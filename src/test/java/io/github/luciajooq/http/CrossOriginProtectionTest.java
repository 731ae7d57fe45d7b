package io.github.luciajooq.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Go 1.25's {@code CrossOriginProtection} algorithm, case by case: each header present, absent, empty or malformed,
 * each {@code Sec-Fetch-Site} value, trusted origins, proxies that rewrite {@code Host}, and Lucia v3's rule. The
 * cases of Go's own {@code crossorigin_test.go} are among them. {@code NONE} is an absent header.
 */
class CrossOriginProtectionTest {

    private static final CrossOriginProtection GO = CrossOriginProtection.create();
    private static final CrossOriginProtection TRUSTING = CrossOriginProtection.builder()
            .trustedOrigins(List.of("https://trusted.example", "partner.example:8443")).build();
    private static final CrossOriginProtection FORWARDED = CrossOriginProtection.builder().forwardedHost(true).build();
    private static final CrossOriginProtection LUCIA_V3 = CrossOriginProtection.builder().luciaV3Rule(true).build();
    private static final CrossOriginProtection LUCIA_V3_TRUSTING = CrossOriginProtection.builder().luciaV3Rule(true)
            .trustedOrigins(List.of("https://app.example")).build();

    private static final Map<String, CrossOriginProtection> RULES = Map.of("go", GO, "trusting", TRUSTING,
            "forwarded", FORWARDED, "v3", LUCIA_V3, "v3-trusting", LUCIA_V3_TRUSTING);

    @ParameterizedTest(name = "[{0}] {1} Host={2} X-Forwarded-Host={3} Origin={4} Sec-Fetch-Site={5} -> {6}")
    @CsvSource(delimiter = '|', nullValues = "NONE", emptyValue = "", value = {
        // Safe methods pass whatever they carry; TRACE is not safe in Go's rule.
        "go        | GET     | app.example | NONE | https://evil.example | cross-site  | true",
        "go        | HEAD    | app.example | NONE | https://evil.example | cross-site  | true",
        "go        | OPTIONS | app.example | NONE | https://evil.example | cross-site  | true",
        "go        | TRACE   | app.example | NONE | https://evil.example | cross-site  | false",
        "go        | get     | app.example | NONE | https://evil.example | cross-site  | false",
        // Sec-Fetch-Site decides when present, for every unsafe method.
        "go        | POST    | app.example | NONE | https://app.example  | same-origin | true",
        "go        | PUT     | app.example | NONE | NONE                 | same-origin | true",
        "go        | DELETE  | app.example | NONE | NONE                 | none        | true",
        "go        | PATCH   | app.example | NONE | https://evil.example | same-origin | true",
        "go        | POST    | app.example | NONE | https://evil.example | cross-site  | false",
        "go        | POST    | app.example | NONE | https://app.example  | cross-site  | false",
        "go        | POST    | app.example | NONE | NONE                 | cross-site  | false",
        "go        | POST    | app.example | NONE | https://www.example  | same-site   | false",
        "go        | POST    | app.example | NONE | https://app.example  | same-site   | false",
        "go        | POST    | app.example | NONE | https://app.example  | Same-Origin | false",
        "go        | POST    | app.example | NONE | https://app.example  | same-origin, cross-site | false",
        "go        | POST    | app.example | NONE | https://app.example  | gar\u0000bage | false",
        // An empty Sec-Fetch-Site is absent (Go's Header.Get), so the Origin decides.
        "go        | POST    | app.example | NONE | https://app.example  | ''          | true",
        "go        | POST    | app.example | NONE | https://evil.example | ''          | false",
        // Without Sec-Fetch-Site: the Origin's host and port against Host.
        "go        | POST    | app.example | NONE | https://app.example  | NONE        | true",
        "go        | POST    | app.example | NONE | http://app.example   | NONE        | true",
        "go        | POST    | app.example:8443 | NONE | https://app.example:8443 | NONE | true",
        "go        | POST    | app.example:8443 | NONE | https://app.example  | NONE        | false",
        "go        | POST    | app.example | NONE | https://app.example:8443 | NONE    | false",
        "go        | POST    | APP.example | NONE | https://app.EXAMPLE  | NONE        | true",
        "go        | POST    | [::1]:8080  | NONE | http://[0:0:0:0:0:0:0:1]:8080 | NONE | true",
        "go        | POST    | app.example | NONE | https://evil.example | NONE        | false",
        "go        | POST    | app.example | NONE | https://app.example.evil.example | NONE | false",
        "go        | POST    | app.example | NONE | null                 | NONE        | false",
        "go        | POST    | app.example | NONE | https://             | NONE        | false",
        "go        | POST    | app.example | NONE | app.example          | NONE        | false",
        "go        | POST    | app.example | NONE | https://user@app.example | NONE    | false",
        "go        | POST    | app.example | NONE | https://app.example\u0000/ | NONE  | false",
        // A missing or malformed Host matches no Origin.
        "go        | POST    | NONE        | NONE | https://app.example  | NONE        | false",
        "go        | POST    | ''          | NONE | https://app.example  | NONE        | false",
        "go        | POST    | https://app.example | NONE | https://app.example | NONE | false",
        "go        | POST    | app.example/x | NONE | https://app.example | NONE       | false",
        // Neither header: not a browser (webhook, curl, health probe): passes.
        "go        | POST    | app.example | NONE | NONE                 | NONE        | true",
        "go        | DELETE  | NONE        | NONE | ''                   | ''          | true",
        // Trusted origins pass where the rule would refuse, by host and port.
        "trusting  | POST    | app.example | NONE | https://trusted.example | cross-site | true",
        "trusting  | POST    | app.example | NONE | https://trusted.example | NONE     | true",
        "trusting  | POST    | app.example | NONE | https://partner.example:8443 | same-site | true",
        "trusting  | POST    | app.example | NONE | https://partner.example | cross-site | false",
        "trusting  | POST    | app.example | NONE | https://evil.example | cross-site  | false",
        "trusting  | POST    | app.example | NONE | NONE                 | cross-site  | false",
        "trusting  | POST    | app.example | NONE | https://app.example  | NONE        | true",
        // A proxy that rewrites Host: browsers with Sec-Fetch-Site still pass, old ones need trust or X-Forwarded-Host.
        "go        | POST    | backend:8080 | app.example | https://app.example | same-origin | true",
        "go        | POST    | backend:8080 | app.example | https://app.example | NONE     | false",
        "go        | POST    | backend:8080 | app.example | https://evil.example | cross-site | false",
        "forwarded | POST    | backend:8080 | app.example | https://app.example | NONE     | true",
        "forwarded | POST    | backend:8080 | 'app.example, proxy.internal' | https://app.example | NONE | true",
        "forwarded | POST    | backend:8080 | app.example | https://evil.example | NONE    | false",
        "forwarded | POST    | backend:8080 | NONE        | https://app.example | NONE     | false",
        "forwarded | POST    | app.example | ''          | https://app.example | NONE      | true",
        "forwarded | POST    | backend:8080 | app.example | https://app.example | cross-site | false",
        // Lucia v3: an allowed Origin or nothing, Sec-Fetch-Site ignored, TRACE safe.
        "v3        | POST    | app.example | NONE | https://app.example  | NONE        | true",
        "v3        | POST    | app.example | NONE | https://app.example  | cross-site  | true",
        "v3        | POST    | app.example | NONE | NONE                 | NONE        | false",
        "v3        | POST    | app.example | NONE | NONE                 | same-origin | false",
        "v3        | POST    | app.example | NONE | https://evil.example | same-origin | false",
        "v3        | TRACE   | app.example | NONE | https://evil.example | NONE        | true",
        "v3-trusting | POST  | backend:8080 | NONE | https://app.example | NONE        | true",
        "v3-trusting | POST  | app.example:9 | NONE | http://app.example:9 | NONE      | false",
    })
    void decidesByTheAlgorithm(String rule, String method, String host, String forwardedHost, String origin,
            String secFetchSite, boolean allowed) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Host", host);
        headers.put("X-Forwarded-Host", forwardedHost);
        headers.put("Origin", origin);
        headers.put("Sec-Fetch-Site", secFetchSite);

        assertThat(RULES.get(rule).allows(method, headers::get)).isEqualTo(allowed);
    }

    @Test
    void theExplicitFormReadsTheSameHeaders() {
        assertThat(GO.allows("POST", "app.example", "https://app.example", null)).isTrue();
        assertThat(GO.allows("POST", "app.example", "https://evil.example", null)).isFalse();
        assertThat(GO.allows("POST", "app.example", "https://app.example", "cross-site")).isFalse();
        assertThat(GO.allows("POST", null, null, null)).isTrue();
    }

    @Test
    void theBuilderRefusesMissingOrUnreadableOriginsNamingThem() {
        assertThatThrownBy(() -> CrossOriginProtection.builder().trustedOrigins(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("origins");
        assertThatThrownBy(() -> CrossOriginProtection.builder().trustedOrigins(java.util.Arrays.asList("a", null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("origins");
        for (String bad : List.of(" ", "", "https://", "ftp://x", "a b")) {
            assertThatThrownBy(() -> CrossOriginProtection.builder().trustedOrigins(List.of(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origins");
        }
        assertThatThrownBy(() -> GO.allows(null, name -> null)).hasMessageContaining("method");
        assertThatThrownBy(() -> GO.allows("POST", (CrossOriginProtection.Headers) null))
                .hasMessageContaining("headers");
    }
}
