package org.userstasks.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One person's headless Chromium, driven by Selenium through Debian's chromedriver. The
 * binaries are given explicitly ({@code -Dbrowser.chromium},
 * {@code -Dbrowser.chromedriver}, by default those of the {@code chromium} and
 * {@code chromium-driver} packages), so Selenium Manager never looks for or downloads
 * one. Where they are missing the tests are skipped, saying so, unless
 * {@code -Dbrowser.required=true} (as in CI) makes that a failure.
 */
final class Browser implements AutoCloseable {

	static final Dimension DESKTOP = new Dimension(1280, 900);

	static final Dimension PHONE = new Dimension(390, 844);

	private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final Path profile;

	private final Screenshots screenshots;

	private final String name;

	Browser(String name, Dimension size, Screenshots screenshots) {
		this.name = name;
		this.screenshots = screenshots;
		try {
			Files.createDirectories(screenshots.directory());
			this.profile = Files.createTempDirectory("page-browser-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + this.profile, "--lang=en-US",
				"--window-size=" + size.getWidth() + "," + size.getHeight());
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		// A chromedriver of its own: quitting a browser stops the driver it was started
		// by.
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(screenshots.directory().resolve(name + "-chromedriver.log").toFile())
			.build();
		this.driver = new ChromeDriver(this.service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	/**
	 * Skips the calling test when Chromium or its driver is not installed, or fails it
	 * when {@code browser.required} is true.
	 */
	static void assumeInstalled() {
		Optional<Path> missing = List.of(CHROMIUM, CHROMEDRIVER)
			.stream()
			.filter((path) -> !Files.isExecutable(path))
			.findFirst();
		if (missing.isEmpty()) {
			return;
		}
		String reason = missing.get() + " not found: install Debian's chromium and chromium-driver "
				+ "(or give -Dbrowser.chromium and -Dbrowser.chromedriver) to run the browser tests";
		if (Boolean.getBoolean("browser.required")) {
			fail(reason + " (browser.required is true)");
		}
		Assumptions.abort(reason);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Saves what the window shows as the test's next screenshot, and returns its file.
	 */
	Path screenshot(String step) {
		Path file = this.screenshots.next(this.name, step);
		try {
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * Fails if the page broke its own Content-Security-Policy or threw an uncaught error.
	 * (A refused request, such as a 401, is logged too, and is not an error of the page.)
	 */
	void assertNoScriptErrors() {
		List<String> errors = this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy") || message.contains("Uncaught")
					|| message.contains("TrustedHTML") || message.contains("Trusted Type"))
			.toList();
		assertThat(errors).as("script errors of %s's page", this.name).isEmpty();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

}
