package org.afyadial.simulator;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code /simulator} page in headless Chromium, as a newcomer uses it: dial, register, book, see the
 * confirmation SMS, answer {@code 2} by SMS and see the cancellation. Runs wherever Debian's {@code chromium} and
 * {@code chromium-driver} are installed, which {@code .ci/run} makes sure of.
 */
@MicronautTest(transactional = false)
class SimulatorBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String PHONE = "+254748000001";

    @Inject
    EmbeddedServer server;

    @Inject
    ClinicFixture clinic;

    /** Monday 08:10 in Nairobi: Wednesday's visit is well outside the cancellation window. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T05:10:00Z"));

    private WebDriver browser;
    private WebDriverWait wait;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void openTheBrowser() {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void dialRegisterBookThenCancelByAnsweringTheConfirmationSms() {
        clinic.doctor("Kamau", "General Medicine", "kamau");
        browser.get(server.getURL() + "/simulator");
        browser.findElement(By.id("phone")).clear();
        browser.findElement(By.id("phone")).sendKeys(PHONE, Keys.TAB);

        type("*384*1#", "Choose a language:");
        type("1", "Enter the first name:");
        type("Amina", "Enter the last name:");
        type("Otieno", "Year of birth");
        type("1990", "Sex:");
        type("1", "Choose a 4-digit PIN.");
        type("1234", "Enter the same PIN again:");
        type("1234", "Registered. Your patient number is AFD-PT-");
        type("1", "Hello Amina");
        type("1", "Choose a service:");
        type("1", "Choose a doctor:");
        type("1", "Choose a day:");
        type("3", "Choose a time on Wed 4 Mar:");
        type("1", "Confirm?");
        type("1", "Booked: Dr Amina Kamau, Wed 4 Mar at 08:00.");
        smsPaneShows("is confirmed. Reply 2 to cancel.");

        browser.findElement(By.id("replyText")).sendKeys("2", Keys.ENTER);
        smsPaneShows("your visit on 04/03/2026 at 08:00 is cancelled.");
    }

    /** Types into the phone's entry, presses Enter, and waits for the screen to show {@code expected}. */
    private void type(String input, String expected) {
        browser.findElement(By.id("entry")).sendKeys(input, Keys.ENTER);
        wait.withMessage(() -> "the phone shows:\n" + browser.findElement(By.id("screen")).getText())
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("screen"), expected));
    }

    private void smsPaneShows(String expected) {
        wait.withMessage(() -> "the SMS pane shows:\n" + browser.findElement(By.id("sms")).getText())
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("sms"), expected));
    }
}
