package vn.cnscd.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.account.AccountService;
import vn.cnscd.portal.reporting.VillageReportService;

/**
 * The channels out of the portal, each against a real receiver in the test: an SMTP server (GreenMail), a push
 * service that takes the Web Push request and decrypts its payload with the subscription's keys, and the
 * deployment's gateway, which checks the webhook's signature. A failed delivery is tried again later, waiting
 * longer each time, with the test's clock; every delivery is recorded.
 */
@IntegrationTest
class DeliveryChannelTests {

	static final String SECRET = "gateway-shared-secret";

	static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

	static final YearMonth MONTH = YearMonth.of(2035, 2);

	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	/** What the push service and the gateway received, and the status each answers next (200 when none). */
	record Received(Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	static final BlockingQueue<Received> PUSHED = new LinkedBlockingQueue<>();

	static final BlockingQueue<Received> HOOKED = new LinkedBlockingQueue<>();

	static final ConcurrentLinkedQueue<Integer> HOOK_ANSWERS = new ConcurrentLinkedQueue<>();

	static final HttpServer SERVER;

	static final KeyPair VAPID;

	static final Path KEYS;

	static {
		try {
			SERVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			SERVER.createContext("/push/", exchange -> {
				PUSHED.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
				exchange.sendResponseHeaders(201, -1);
				exchange.close();
			});
			SERVER.createContext("/gateway", exchange -> {
				HOOKED.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
				Integer status = HOOK_ANSWERS.poll();
				exchange.sendResponseHeaders(status == null ? 200 : status, -1);
				exchange.close();
			});
			SERVER.start();
			VAPID = WebPushReceiver.vapidKeys();
			KEYS = Files.createTempDirectory("vapid");
			Files.writeString(KEYS.resolve("private.pem"), pem("PRIVATE KEY", VAPID.getPrivate().getEncoded()));
			Files.writeString(KEYS.resolve("public.pem"), pem("PUBLIC KEY", VAPID.getPublic().getEncoded()));
		}
		catch (IOException | GeneralSecurityException failure) {
			throw new ExceptionInInitializerError(failure);
		}
	}

	static String pem(String label, byte[] der) {
		return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(der) + "\n-----END " + label + "-----\n";
	}

	static String local() {
		return "http://127.0.0.1:" + SERVER.getAddress().getPort();
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("portal.notifications.mail.from", () -> "cnscd@example.vn");
		registry.add("portal.notifications.base-url", () -> "https://cnscd.example.vn");
		registry.add("portal.notifications.push.public-key", () -> KEYS.resolve("public.pem").toUri().toString());
		registry.add("portal.notifications.push.private-key", () -> KEYS.resolve("private.pem").toUri().toString());
		registry.add("portal.notifications.push.subject", () -> "mailto:cnscd@example.vn");
		registry.add("portal.notifications.push.services", DeliveryChannelTests::local);
		registry.add("portal.notifications.webhook.url", () -> local() + "/gateway");
		registry.add("portal.notifications.webhook.secret", () -> SECRET);
		// the test sends what is due itself, at the time its clock says
		registry.add("portal.notifications.delivery.interval", () -> "1h");
	}

	@AfterAll
	static void stopServers() {
		SERVER.stop(0);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AccountService accounts;

	@Autowired
	VillageReportService reports;

	@Autowired
	DeliveryWorker deliveries;

	@Autowired
	ObjectMapper json;

	Residents people;

	WebPushReceiver browser;

	@BeforeEach
	void setUp() throws Exception {
		clock.set(LocalDateTime.of(2035, 3, 2, 9, 0).atZone(HANOI).toInstant());
		people = new Residents(jdbc, "channels");
		browser = new WebPushReceiver();
		PUSHED.clear();
		HOOKED.clear();
		HOOK_ANSWERS.clear();
		send(post("/account/notifications").param("language", "vi")
			.param("version", "-1")
			.param("email", "truong.thon@example.vn")
			.param("emailEnabled", "true")
			.param("webhookEnabled", "true")
			.param("_enabledKinds", "on")
			.param("enabledKinds", "REPORT_RETURNED", "REPORT_APPROVED"));
		send(post("/account/push-subscriptions").param("endpoint", local() + "/push/" + people.head)
			.param("p256dh", browser.p256dh())
			.param("auth", browser.auth()));
	}

	@AfterEach
	void releaseClock() {
		clock.reset();
	}

	void send(MockHttpServletRequestBuilder request) throws Exception {
		int status = mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(people.username(people.head)))))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(302);
	}

	String village() {
		return "Thôn " + jdbc.sql("SELECT name FROM unit WHERE id = :id").param("id", people.village)
			.query(String.class).single();
	}

	@Test
	void aReturnedReportReachesTheHeadByEmailWebPushAndTheGatewayEachRecorded() throws Exception {
		people.report(people.village, MONTH, "SUBMITTED");
		reports.giveBack(accounts.actor(people.chair).orElseThrow(), people.village, MONTH, "Thiếu ảnh buổi hướng dẫn", 0);
		Residents.await(this::deliveryStates, states -> states.size() == 3);
		assertThat(deliveries.sendDue()).isEqualTo(3);

		String text = "Báo cáo tháng 02/2035 của " + village() + " bị trả lại: Thiếu ảnh buổi hướng dẫn";
		String url = "https://cnscd.example.vn/villages/" + people.village + "/reports/2035-02";

		assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage email = MAIL.getReceivedMessages()[MAIL.getReceivedMessages().length - 1];
		assertThat(email.getAllRecipients()[0].toString()).isEqualTo("truong.thon@example.vn");
		assertThat(email.getSubject()).isEqualTo("Tổ CNSCĐ: " + text);
		assertThat(email.getContent().toString()).contains(text).contains(url);

		Received pushed = PUSHED.poll(10, TimeUnit.SECONDS);
		assertThat(pushed).as("the push service was called").isNotNull();
		assertThat(pushed.header("Content-Encoding")).isEqualTo("aes128gcm");
		JsonNode payload = json.readTree(browser.decrypt(pushed.body()));
		assertThat(payload.get("title").asString()).isEqualTo("Tổ CNSCĐ");
		assertThat(payload.get("body").asString()).isEqualTo(text);
		assertThat(payload.get("url").asString()).isEqualTo(url);
		String authorization = pushed.header("Authorization");
		assertThat(authorization).startsWith("vapid t=");
		String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(','));
		String key = authorization.substring(authorization.indexOf("k=") + 2).strip();
		assertThat(key).isEqualTo(WebPushReceiver.base64url(WebPushReceiver.uncompressed((ECPublicKey) VAPID.getPublic())));
		assertThat(WebPushReceiver.signedBy(jwt, key)).as("signed with the deployment's VAPID key").isTrue();
		assertThat(WebPushReceiver.claims(jwt)).contains("\"aud\":\"" + local() + "\"")
			.contains("\"sub\":\"mailto:cnscd@example.vn\"");

		Received hooked = HOOKED.poll(10, TimeUnit.SECONDS);
		assertThat(hooked).as("the gateway was called").isNotNull();
		String body = new String(hooked.body(), StandardCharsets.UTF_8);
		String timestamp = hooked.header("X-CNSCD-Timestamp");
		assertThat(hooked.header("X-CNSCD-Signature")).as("HMAC-SHA256 of timestamp.body with the shared secret")
			.isEqualTo("sha256=" + hmac(SECRET, timestamp + "." + body));
		assertThat(Long.parseLong(timestamp)).isEqualTo(clock.instant().getEpochSecond());
		JsonNode message = json.readTree(body);
		assertThat(message.get("kind").asString()).isEqualTo("REPORT_RETURNED");
		assertThat(message.get("text").asString()).isEqualTo(text);
		assertThat(message.get("url").asString()).isEqualTo(url);
		assertThat(message.get("language").asString()).isEqualTo("vi");
		assertThat(message.get("period").asString()).isEqualTo("2035-02");
		assertThat(message.get("recipient").get("phone").asString()).isEqualTo("0912000002");
		assertThat(message.get("unit").get("id").asLong()).isEqualTo(people.village);
		assertThat(String.valueOf(message.get("delivery").asLong())).isEqualTo(hooked.header("X-CNSCD-Delivery"));

		assertThat(deliveryStates()).containsExactlyInAnyOrder("EMAIL SENT 1", "PUSH SENT 1", "WEBHOOK SENT 1");
		assertThat(deliveries.sendDue()).as("nothing twice").isZero();
	}

	@Test
	void aFailedDeliveryIsTriedAgainLaterWithTheSameIdAndTheOthersAreNotHeldUp() throws Exception {
		people.report(people.village, MONTH, "SUBMITTED");
		HOOK_ANSWERS.add(503);
		reports.approve(accounts.actor(people.chair).orElseThrow(), people.village, MONTH, 0);
		Residents.await(this::deliveryStates, states -> states.size() == 3);
		deliveries.sendDue();
		Received first = HOOKED.poll(10, TimeUnit.SECONDS);
		assertThat(first).isNotNull();
		assertThat(deliveryStates()).containsExactlyInAnyOrder("EMAIL SENT 1", "PUSH SENT 1", "WEBHOOK PENDING 1");
		Instant next = jdbc.sql("""
				SELECT d.next_attempt_at FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
				WHERE n.recipient_id = :head AND d.channel = 'WEBHOOK'""").param("head", people.head)
			.query(Instant.class).single();
		assertThat(next).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

		assertThat(deliveries.sendDue()).as("not yet due").isZero();
		clock.set(clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(deliveries.sendDue()).isEqualTo(1);
		Received second = HOOKED.poll(10, TimeUnit.SECONDS);
		assertThat(second).isNotNull();
		assertThat(second.header("X-CNSCD-Delivery")).isEqualTo(first.header("X-CNSCD-Delivery"));
		assertThat(deliveryStates()).containsExactlyInAnyOrder("EMAIL SENT 1", "PUSH SENT 1", "WEBHOOK SENT 2");
		assertThat(jdbc.sql("""
				SELECT d.last_error FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
				WHERE n.recipient_id = :head AND d.channel = 'WEBHOOK'""").param("head", people.head)
			.query(String.class).optional()).isEmpty();
	}

	@Test
	void aBrowserOfAnotherPushServiceIsRefused() throws Exception {
		send(post("/account/push-subscriptions").param("endpoint", "http://169.254.169.254/latest/meta-data")
			.param("p256dh", browser.p256dh())
			.param("auth", browser.auth()));
		assertThat(jdbc.sql("SELECT endpoint FROM push_subscription WHERE user_id = :id").param("id", people.head)
			.query(String.class).list()).containsExactly(local() + "/push/" + people.head);
	}

	@Test
	void anAddressThatIsNotOneIsRefusedBesideItsFieldAndKeptAsText() throws Exception {
		String typed = "\"><img src=x onerror=alert(1)>@example.vn";
		var response = mvc.perform(post("/account/notifications").with(csrf())
			.with(user(users.loadUserByUsername(people.username(people.head))))
			.param("language", "vi")
			.param("version", "0")
			.param("email", typed)
			.param("emailEnabled", "true")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(response.getContentAsString());
		assertThat(page.select("input[name=email]").val()).isEqualTo(typed);
		assertThat(page.select("#email-error").text()).contains("không hợp lệ");
		assertThat(page.select("img[src=x]")).isEmpty();
		assertThat(jdbc.sql("SELECT email FROM notification_preference WHERE user_id = :id").param("id", people.head)
			.query(String.class).single()).isEqualTo("truong.thon@example.vn");
	}

	List<String> deliveryStates() {
		return jdbc.sql("""
				SELECT d.channel || ' ' || d.status || ' ' || d.attempts FROM notification_delivery d
				JOIN notification n ON n.id = d.notification_id WHERE n.recipient_id = :head""")
			.param("head", people.head)
			.query(String.class)
			.list();
	}

	static String hmac(String secret, String text) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

}
