package io.tcpchat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import static org.awaitility.Awaitility.await;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromedriver}) showing the web client, with the
 * steps a person takes. Without the browser the tests are skipped, and fail under {@code CI=true}.
 */
public final class Browser implements AutoCloseable {

	public static final Path CHROMIUM = Path.of(System.getProperty("chat.test.chromium", "/usr/bin/chromium"));

	public static final Path CHROMEDRIVER = Path.of(System.getProperty("chat.test.chromedriver", "/usr/bin/chromedriver"));

	public static final Duration WAIT = Duration.ofSeconds(20);

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Skips (or in CI fails) when chromium or chromedriver is missing. */
	public static void assumeAvailable() {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return;
		}
		String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
				+ " (Debian: apt-get install chromium chromium-driver)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(message + ", required in CI");
		}
		Assumptions.abort(message + ": skipping");
	}

	public static Browser start() {
		assumeAvailable();
		try {
			Path profile = Files.createTempDirectory("tcp-chat-chromium");
			ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
					"--user-data-dir=" + profile, "--window-size=1180,760", "--lang=en-GB");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			return new Browser(new ChromeDriver(service, options), profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Browser open(String url) {
		this.driver.get(url);
		return this;
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	// ---- finding things, waiting for them

	public WebElement find(String css) {
		return until(() -> {
			List<WebElement> found = this.driver.findElements(By.cssSelector(css));
			return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
		}, "a visible " + css);
	}

	/** Waits for an element matching {@code css} whose text contains {@code text}. */
	public WebElement findText(String css, String text) {
		return until(() -> this.driver.findElements(By.cssSelector(css))
			.stream()
			.filter(element -> textOf(element).contains(text))
			.findFirst()
			.orElse(null), css + " with text '" + text + "'");
	}

	public List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	public void awaitGone(String css, String text) {
		await().atMost(WAIT)
			.until(() -> this.driver.findElements(By.cssSelector(css)).stream().noneMatch(e -> textOf(e).contains(text)));
	}

	private static String textOf(WebElement element) {
		try {
			return element.getText();
		}
		catch (StaleElementReferenceException ex) {
			return "";
		}
	}

	private static <T> T until(Supplier<T> lookup, String what) {
		return await().alias("waiting for " + what)
			.atMost(WAIT)
			.ignoreException(StaleElementReferenceException.class)
			.until(lookup::get, found -> found != null);
	}

	// ---- doing things

	public Browser click(String css) {
		find(css).click();
		return this;
	}

	public Browser clickText(String css, String text) {
		findText(css, text).click();
		return this;
	}

	public Browser type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/** Registers (or logs in) through the form and waits for the chat. */
	public Browser register(String user, String password) {
		click("input[name=mode][value=register]");
		type("#login-user", user).type("#login-password", password).type("#login-repeat", password);
		click("#login-submit");
		find("#composer-input");
		findText("#conn-state", "online");
		return this;
	}

	public Browser login(String user, String password) {
		click("input[name=mode][value=login]");
		type("#login-user", user).type("#login-password", password);
		click("#login-submit");
		find("#composer-input");
		findText("#conn-state", "online");
		return this;
	}

	/** Types a line into the composer and presses Enter. */
	public Browser say(String text) {
		WebElement composer = find("#composer-input");
		composer.sendKeys(text);
		composer.sendKeys(Keys.ENTER);
		return this;
	}

	public Browser openConversation(String key) {
		click(".conv[data-key='" + key + "']");
		findText("#conv-title", key.startsWith("#") ? key : key.substring(1));
		return this;
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Cuts the page off the network (as a lost connection would) or puts it back. */
	public void offline(boolean offline) {
		ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
		conditions.setOffline(offline);
		this.driver.setNetworkConditions(conditions);
	}

	/** Follows the system's light or dark theme as a browser set to that scheme would. */
	public void colorScheme(String scheme) {
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	/** Shows the page as a phone of this size would (the desktop window cannot get that narrow). */
	public void phone(int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
	}

	/**
	 * Saves a screenshot under {@code target/screenshots}, and into {@code docs/images} when the build runs with
	 * {@code -Dchat.screenshots=docs} (how the documentation's pictures are made).
	 */
	public void screenshot(String name) {
		byte[] png = this.driver.getScreenshotAs(OutputType.BYTES);
		try {
			Path target = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			Files.write(target, png);
			if ("docs".equals(System.getProperty("chat.screenshots"))) {
				Files.write(Path.of("docs", "images", name + ".png"), png);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			org.springframework.util.FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

}
