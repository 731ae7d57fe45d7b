package io.github.luciajooq.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The host a URL names, as the WHATWG URL standard serialises it, or none where this class is unsure. Lucia v3
 * itself is compared with on many more inputs in {@code LuciaV3CompatibilityTest}.
 */
class OriginsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "https://example.com              | example.com",
        "HTTPS://Example.COM/path         | example.com",
        "https://example.com:443          | example.com",
        "https://example.com:8443         | example.com:8443",
        "http://example.com:0080          | example.com",
        "https://127.0.0.1                | 127.0.0.1",
        "https://[0:0:0:0:0:0:0:1]:8443   | [::1]:8443",
        "https://[2001:db8:0:0:1:0:0:1]   | [2001:db8::1:0:0:1]",
        "https://[1:0:0:2:0:0:0:3]        | [1:0:0:2::3]",
        "https://[::ffff:192.0.2.1]       | [::ffff:c000:201]",
        "https://xn--bcher-kva.de         | xn--bcher-kva.de",
        "https://b\u00fccher.de           | xn--bcher-kva.de",
        "https://example.com.             | example.com.",
        "https://127.1                    | NONE",
        "https://0x7f.0.0.1               | NONE",
        "https://010.0.0.1                | NONE",
        "https://a..b                     | NONE",
        "https://user@example.com         | NONE",
        "https://ex%61mple.com            | NONE",
        "https://[::1                     | NONE",
        "https://[1::2::3]                | NONE",
        "https://example.com:65536        | NONE",
        "https:example.com                | NONE",
        "mailto://example.com             | NONE",
        "https://fa\u00df.de              | NONE",
        "https://xn--zz.com               | NONE",
    })
    void hostIsTheStandardsOrNone(String url, String host) {
        assertThat(Origins.host(url)).isEqualTo(host);
    }

    @Test
    void verifyRequestOriginComparesHostsAndPortsNotSchemes() {
        assertThat(Origins.verifyRequestOrigin("https://example.com", List.of("example.com"))).isTrue();
        assertThat(Origins.verifyRequestOrigin("http://example.com", List.of("https://example.com"))).isTrue();
        assertThat(Origins.verifyRequestOrigin("https://example.com:8443", List.of("example.com"))).isFalse();
        assertThat(Origins.verifyRequestOrigin("https://evil.com", List.of("example.com", "evil.com"))).isTrue();
        assertThat(Origins.verifyRequestOrigin("https://example.com.evil.com", List.of("example.com"))).isFalse();
        assertThat(Origins.verifyRequestOrigin(null, List.of("example.com"))).isFalse();
        assertThat(Origins.verifyRequestOrigin("https://example.com", List.of())).isFalse();
        assertThatThrownBy(() -> Origins.verifyRequestOrigin("https://example.com", null))
                .isInstanceOf(NullPointerException.class).hasMessage("allowedDomains");
    }
}
