package sa.qayd.app.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through the system chromedriver: nothing is downloaded
 * (Selenium Manager is never needed because both paths are given).
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("qayd.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("qayd.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Desktop and phone widths the screenshots are taken at. */
    enum Width {
        DESKTOP(1280, 900, false), PHONE(390, 844, true);

        final int width;
        final int height;
        final boolean mobile;

        Width(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    final ChromeDriver driver;
    final String baseUrl;
    private final Path profile;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static String unavailableReason() {
        return "browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                + " are needed (apt-get install chromium chromium-driver; .ci/run does this)";
    }

    Browser(int port) {
        try {
            profile = Files.createTempDirectory("qayd-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--lang=en-US", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        baseUrl = "http://127.0.0.1:" + port;
    }

    void open(String hash) {
        driver.get(baseUrl + "/" + hash);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        // the page re-renders lists as data arrives: an element found a moment ago may be replaced
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement visible(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement clickable(By by) {
        return waitFor(ExpectedConditions.elementToBeClickable(by));
    }

    void click(By by) {
        clickable(by).click();
    }

    void type(By by, String text) {
        WebElement field = visible(by);
        field.clear();
        field.sendKeys(text);
    }

    /** A form control by the API field it sends (its name). */
    static By field(String form, String name) {
        return By.cssSelector("#" + form + " [name='" + name + "']");
    }

    void waitForHash(String hash) {
        waitFor(d -> ((String) script("return location.hash")).equals(hash) ? Boolean.TRUE : null);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** fetch() from the page, with its cookies: "status content-type length". */
    String fetchFromPage(String path) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(async r => done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + (await r.arrayBuffer()).byteLength))
                  .catch(e => done('error ' + e));""", path);
    }

    /** Full-page PNGs at desktop and phone widths, under target/screenshots/NAME-desktop.png and -phone.png. */
    List<Path> screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            List<Path> files = new java.util.ArrayList<>();
            for (Width width : Width.values()) {
                emulate(width, width.height);
                Thread.sleep(150);
                long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
                emulate(width, (int) Math.min(Math.max(height, width.height), 5000));
                Thread.sleep(150);
                File png = driver.getScreenshotAs(OutputType.FILE);
                Path target = SCREENSHOTS.resolve(name + "-" + width.name().toLowerCase() + ".png");
                Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
                files.add(target);
            }
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void emulate(Width width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width.width, "height", height, "deviceScaleFactor", 1, "mobile", width.mobile));
    }

    /** What the page logged (errors above all), for a failing test's report. */
    String consoleLog() {
        StringBuilder text = new StringBuilder();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            text.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
        }
        return text.toString();
    }

    /** The page as the test left it, to look at when something failed. */
    void lastState(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve("last-" + name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(SCREENSHOTS.resolve("last-" + name + ".log"), driver.getCurrentUrl() + "\n" + consoleLog());
        } catch (IOException | RuntimeException e) {
            // diagnostics only
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
