package vn.cnscd.portal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, driven by its chromedriver) for one test at a time, sized like a
 * phone or a desktop. What it downloads lands in a directory of the test's own under target/downloads. A
 * failing test leaves a screenshot in target/screenshots. Where no Chromium is installed the tests are
 * skipped, except on CI, where .ci/run installs it and its absence is a failure.
 */
public class Browser implements BeforeEachCallback, AfterEachCallback {

	private static final String CHROMIUM = env("CHROME_BIN", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = env("CHROMEDRIVER", "/usr/bin/chromedriver");

	private final int width;

	private final int height;

	private final boolean phone;

	private final boolean javaScript;

	private ChromeDriver driver;

	private DevToolsNetwork network;

	private String base;

	private Path downloads;

	private Browser(int width, int height, boolean phone, boolean javaScript) {
		this.width = width;
		this.height = height;
		this.phone = phone;
		this.javaScript = javaScript;
	}

	public static Browser phone() {
		return new Browser(360, 740, true, true);
	}

	/** A phone whose browser runs no JavaScript: every page must work without it. */
	public static Browser phoneWithoutJavaScript() {
		return new Browser(360, 740, true, false);
	}

	public static Browser desktop() {
		return new Browser(1280, 900, false, true);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
		if (!installed && System.getenv("CI") == null) {
			Assumptions.abort("No Chromium at " + CHROMIUM + " with " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
		}
		downloads = emptyDirectory(Path.of("target", "downloads", name(context)).toAbsolutePath());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		// headless Chromium (the new headless mode) honours these: no dialog, straight into the test's directory
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false));
		if (!javaScript) {
			// the page's own scripts do not run; the driver's, which it runs through DevTools, still do
			options.addArguments("--blink-settings=scriptEnabled=false");
		}
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--user-data-dir=" + Files.createTempDirectory("chromium"),
				"--window-size=" + width + "," + height);
		if (phone) {
			options.setExperimentalOption("mobileEmulation",
					Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0)));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		if (driver == null) {
			return;
		}
		try {
			if (context.getExecutionException().isPresent()) {
				Path shots = Files.createDirectories(Path.of("target", "screenshots"));
				Path shot = shots.resolve(name(context) + ".png");
				Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
			}
		}
		finally {
			if (network != null) {
				network.close();
			}
			driver.quit();
		}
	}

	/**
	 * Every page and service worker of this browser without a connection (DevTools network emulation), or
	 * back online.
	 */
	public void offline(boolean offline) {
		try {
			if (network == null) {
				@SuppressWarnings("unchecked")
				Map<String, Object> chrome = (Map<String, Object>) driver.getCapabilities().getCapability("goog:chromeOptions");
				network = DevToolsNetwork.connect((String) chrome.get("debuggerAddress"));
			}
			network.offline(offline);
		}
		catch (Exception failure) {
			throw new IllegalStateException("DevTools network emulation", failure);
		}
	}

	/** Runs a script in the page and gives back what it returns. */
	public Object script(String script, Object... arguments) {
		return driver.executeScript(script, arguments);
	}

	public Browser at(int port) {
		this.base = "http://localhost:" + port;
		return this;
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String path) {
		driver.get(base + path);
	}

	public void signIn(String username, String password) {
		open("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		click(By.cssSelector("form.form button[type=submit]"));
		waitFor(By.cssSelector("main h1"));
	}

	/** Follows an item of the site's menu, as a user does; on a phone the menu scrolls sideways to it. */
	public void menu(String item) {
		click(By.xpath("//nav//a[normalize-space()='" + item + "']"));
	}

	public void type(By field, String text) {
		WebElement element = driver.findElement(field);
		element.clear();
		element.sendKeys(text);
	}

	public void select(By field, String visibleText) {
		new Select(driver.findElement(field)).selectByVisibleText(visibleText);
	}

	public void click(By target) {
		driver.findElement(target).click();
	}

	public WebElement waitFor(By target) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(target));
	}

	/** Waits until the element shows the text, as after a page that loads or a form that is sent. */
	public WebElement waitForText(By target, String text) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(target, text));
		return driver.findElement(target);
	}

	public String text(By target) {
		return waitFor(target).getText();
	}

	public List<WebElement> all(By target) {
		return driver.findElements(target);
	}

	/**
	 * The one file downloaded so far whose name ends with the extension, once Chromium has finished writing
	 * it (no partial .crdownload file left).
	 */
	public Path downloaded(String extension) {
		return new WebDriverWait(driver, Duration.ofSeconds(20)).until(browser -> {
			try (Stream<Path> files = Files.list(downloads)) {
				List<Path> all = files.toList();
				List<Path> done = all.stream().filter(file -> file.toString().endsWith("." + extension)).toList();
				boolean writing = all.stream().anyMatch(file -> file.toString().endsWith(".crdownload"));
				return done.size() == 1 && !writing ? done.get(0) : null;
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException(unreadable);
			}
		});
	}

	/** How far the page reaches beyond the screen's width; 0 when nothing makes the reader scroll sideways. */
	public long overflowX() {
		return (Long) driver.executeScript(
				"return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);");
	}

	private static String name(ExtensionContext context) {
		return context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
	}

	/** A directory of its own for the test, emptied of what an earlier run downloaded into it. */
	private static Path emptyDirectory(Path directory) throws IOException {
		Files.createDirectories(directory);
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		return directory;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
