package com.example.boot;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium with a profile of its own (its own cookie jar: another device), driven through Debian's
 * chromedriver, as the Jetty demo's tests drive it. Nothing is downloaded: the browser and the driver are the
 * system's.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final String base;

    Browser(String base) {
        this.base = base;
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps calling Google's hosts, which this network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1000,700", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(1));
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    void reload() {
        driver.navigate().refresh();
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Clicks a button of a form and waits until the browser has replaced the page with the response: WebDriver's
     * click returns before a form's navigation ends, so reading the page at once could read the old one.
     */
    void click(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!replaced(page)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("clicking " + button + " did not load a new page in 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the page after clicking " + button, e);
            }
        }
    }

    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException inspector) {
            // Mid-navigation Chromium may answer for the old page's node with an inspector error instead.
            if (String.valueOf(inspector.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw inspector;
        }
    }

    Browser signUp(String username, String password) {
        return submitCredentials("/sign-up", username, password);
    }

    Browser signIn(String username, String password) {
        return submitCredentials("/sign-in", username, password);
    }

    /** Fills in the username and password form of this page and submits it. */
    private Browser submitCredentials(String page, String username, String password) {
        open(page);
        type("username", username);
        type("password", password);
        click(By.id("submit"));
        return this;
    }

    String path() {
        return driver.getCurrentUrl().replace(base, "");
    }

    String text(By element) {
        return driver.findElement(element).getText();
    }

    int count(By elements) {
        return driver.findElements(elements).size();
    }

    /** The session cookie as the browser keeps it, or {@code null} when it has none. */
    Cookie sessionCookie() {
        return driver.manage().getCookieNamed("auth_session");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
