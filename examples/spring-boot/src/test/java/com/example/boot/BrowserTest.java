package com.example.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The example in a real browser, one scenario through every feature: headless Chromium, one profile per device.
 * Without Chromium and chromedriver the class is skipped, except under CI ({@code CI=true}), where it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EmbeddedDatabase.class)
class BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void browserInstalled() {
        assumeTrue(Browser.installed() || "true".equals(System.getenv("CI")),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }

    @Test
    void signUpSignInRevokeAnotherDeviceSignOutAndSignOutEverywhere() {
        String base = "http://localhost:" + port;
        try (Browser laptop = new Browser(base); Browser phone = new Browser(base)) {
            laptop.signUp("browser-user", PASSWORD);
            assertThat(laptop.path()).isEqualTo("/");
            assertThat(laptop.text(By.id("username"))).isEqualTo("browser-user");
            assertThat(laptop.sessionCookie().isHttpOnly()).as("HttpOnly").isTrue();
            assertThat(laptop.sessionCookie().getSameSite()).isEqualTo("Lax");

            phone.signIn("browser-user", "wrong password");
            assertThat(phone.text(By.id("error"))).isEqualTo("Wrong username or password.");
            phone.signIn("browser-user", PASSWORD);
            assertThat(phone.text(By.id("username"))).isEqualTo("browser-user");

            laptop.reload();
            assertThat(laptop.count(By.cssSelector("tr.session"))).isEqualTo(2);
            assertThat(laptop.count(By.className("this-device"))).isEqualTo(1);
            laptop.click(By.className("revoke"));
            assertThat(laptop.count(By.cssSelector("tr.session"))).isEqualTo(1);
            phone.reload();
            assertThat(phone.path()).as("revoked from the laptop").isEqualTo("/sign-in");
            assertThat(phone.sessionCookie()).isNull();

            laptop.click(By.id("sign-out"));
            assertThat(laptop.path()).isEqualTo("/sign-in");
            assertThat(laptop.sessionCookie()).isNull();

            laptop.signIn("browser-user", PASSWORD);
            phone.signIn("browser-user", PASSWORD);
            phone.click(By.id("sign-out-everywhere"));
            assertThat(phone.path()).isEqualTo("/sign-in");
            laptop.reload();
            assertThat(laptop.path()).as("signed out everywhere from the phone").isEqualTo("/sign-in");
            assertThat(laptop.sessionCookie()).isNull();
        }
    }
}
