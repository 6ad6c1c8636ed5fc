package vn.cnscd.portal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, driven by its chromedriver) for one test at a time, sized like a
 * phone or a desktop. What it downloads lands in a directory of the test's own under target/downloads. A
 * failing test leaves a screenshot in target/screenshots. Where no Chromium is installed the tests are
 * skipped, except on CI, where .ci/run installs it and its absence is a failure.
 *
 * <p>
 * Every page a test sees (opened, or waited for after a click or a form) is checked with axe-core, Deque's
 * accessibility engine, against WCAG 2.0 and 2.1 levels A and AA; a serious or critical violation on any of
 * them fails the test at its end, with the rule, the page and the elements that break it (issue #12 item 11).
 */
public class Browser implements BeforeEachCallback, AfterEachCallback {

	private static final String CHROMIUM = env("CHROME_BIN", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = env("CHROMEDRIVER", "/usr/bin/chromedriver");

	/** The axe-core rules of WCAG 2.0 and 2.1, levels A and AA. */
	private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final Set<String> SEVERE = Set.of("serious", "critical");

	private final int width;

	private final int height;

	private final boolean phone;

	private final boolean javaScript;

	private ChromeDriver driver;

	private DevToolsNetwork network;

	private String base;

	private Path downloads;

	/** What axe-core found wrong on the pages seen so far. */
	private final List<String> inaccessible = new ArrayList<>();

	/** The page axe-core checked last, so that waiting twice on one page checks it once. */
	private String checked;

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
			if (context.getExecutionException().isEmpty()) {
				checkAccessibility();
				if (!inaccessible.isEmpty()) {
					throw new AssertionError("axe-core found serious or critical WCAG 2 A/AA violations:\n"
							+ String.join("\n", inaccessible));
				}
			}
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
		checkAccessibility();
	}

	/**
	 * Runs axe-core on the page shown, once per page (its address, title and size tell one from another), and
	 * keeps its serious and critical violations of WCAG 2 A and AA for the end of the test.
	 */
	public void checkAccessibility() {
		// axe-core is a script: a browser without JavaScript sees pages the others check
		if (!javaScript || !String.valueOf(driver.getCurrentUrl()).startsWith("http")) {
			return;
		}
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(browser -> "complete".equals(driver.executeScript("return document.readyState")));
		String page = driver.getCurrentUrl() + "|" + driver.getTitle() + "|"
				+ driver.executeScript("return document.getElementsByTagName('*').length");
		if (page.equals(checked)) {
			return;
		}
		checked = page;
		Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
		for (Rule rule : results.getViolations()) {
			if (!SEVERE.contains(String.valueOf(rule.getImpact()))) {
				continue;
			}
			String nodes = rule.getNodes()
				.stream()
				.limit(5)
				.map(node -> node.getTarget() + " " + node.getHtml())
				.collect(Collectors.joining("; "));
			inaccessible.add(driver.getCurrentUrl() + " (" + width + " px): " + rule.getId() + ", " + rule.getImpact()
					+ ", " + rule.getNodes().size() + " elements: " + rule.getHelp() + " — " + nodes);
		}
	}

	/** What axe-core found so far, for a test that checks a page it knows to be wrong. */
	public List<String> inaccessible() {
		return List.copyOf(inaccessible);
	}

	public void signIn(String username, String password) {
		open("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		click(By.cssSelector("form.form button[type=submit]"));
		waitFor(By.cssSelector("main h1"));
	}

	/**
	 * Follows an item of the site's menu, as a user does: on a phone the menu first opens behind its button. On a
	 * wider screen CSS shows the menu open, as a bar without the button, but WebDriver counts what a closed
	 * details holds as hidden and will not click it: the link the reader sees there is clicked by the page itself.
	 */
	public void menu(String item) {
		WebElement menu = driver.findElement(By.cssSelector("details.nav-menu"));
		WebElement button = menu.findElement(By.cssSelector("summary"));
		WebElement link = driver.findElement(By.xpath("//nav//a[normalize-space()='" + item + "']"));
		if (button.isDisplayed()) {
			if (menu.getAttribute("open") == null) {
				button.click();
			}
			link.click();
		}
		else {
			assertShown(link);
			driver.executeScript("arguments[0].click();", link);
		}
	}

	/** The element takes room on the screen: laid out, with a size, not hidden by CSS. */
	private void assertShown(WebElement element) {
		Boolean shown = (Boolean) driver.executeScript("""
				const box = arguments[0].getBoundingClientRect();
				return box.width > 0 && box.height > 0 && getComputedStyle(arguments[0]).visibility === 'visible';""",
				element);
		if (!Boolean.TRUE.equals(shown)) {
			throw new AssertionError("The menu does not show " + element.getText());
		}
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
		WebElement found = new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(whileNavigating(ExpectedConditions.visibilityOfElementLocated(target)));
		checkAccessibility();
		return found;
	}

	/** Waits until the element shows the text, as after a page that loads or a form that is sent. */
	public WebElement waitForText(By target, String text) {
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(whileNavigating(ExpectedConditions.textToBePresentInElementLocated(target, text)));
		checkAccessibility();
		return driver.findElement(target);
	}

	/**
	 * The condition, false while the page it looked at is being replaced: Chromium then answers with an
	 * inspector error ("Node with given id does not belong to the document") rather than a stale element.
	 */
	private static <T> ExpectedCondition<T> whileNavigating(ExpectedCondition<T> condition) {
		return browser -> {
			try {
				return condition.apply(browser);
			}
			catch (WebDriverException failure) {
				if (String.valueOf(failure.getMessage()).contains("does not belong to the document")) {
					return null;
				}
				throw failure;
			}
		};
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
