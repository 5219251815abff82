package dev.kiln.localstack.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (both from {@code .ci/install-tools}); Selenium
 * is given both paths, so it downloads nothing.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("KILN_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("KILN_CHROMEDRIVER", "/usr/bin/chromedriver"));

    final ChromeDriver driver;

    HeadlessChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException(CHROMIUM + " and " + CHROMEDRIVER + " are needed: run .ci/install-tools");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1000", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    WebDriverWait await(Duration timeout) {
        // a live update may replace an element between finding and reading it: look again
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Saves what the browser shows as {@code target/console-<name>.png}. */
    Path screenshot(String name) throws java.io.IOException {
        Path file = Path.of("target", "console-" + name + ".png").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
