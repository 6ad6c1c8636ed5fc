package vn.cnscd.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.area.UnitLevel;
import vn.cnscd.portal.area.UnitService;

/**
 * Issue #11, item 3: failures from one client address slow that address down and then refuse it, without
 * stopping the real user at another address; an address trying many usernames is slowed the same way; a username
 * is locked only after far more failures, shortly, with a page that says how to get help; a wrong password reads
 * the same for every kind of account; and the accounts page's "username taken" is throttled like a sign-in. The
 * clock stands still, so that every wait is exact.
 */
@IntegrationTest
@Transactional
class SignInThrottleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	AccountRepository accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitService units;

	Instant now;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The demo accounts' password hashed at BCrypt's lowest cost, for this test's transaction only: the hundreds of
	 * sign-ins below then compare real hashes in milliseconds instead of a quarter of a second each.
	 */
	@BeforeEach
	void stopTheClockAndCheapenTheHashes() {
		now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		clock.set(now);
		jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE username IN ('admin', 'district', 'steering', 'commune', 'village')")
			.param("hash", new BCryptPasswordEncoder(4).encode("demo1234"))
			.update();
	}

	@AfterEach
	void releaseTheClock() {
		clock.reset();
	}

	void later(Duration duration) {
		now = now.plus(duration);
		clock.set(now);
	}

	/** Where a sign-in from an address was sent. */
	String signIn(String address, String username, String password) throws Exception {
		MvcResult result = mvc.perform(post("/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			})).andReturn();
		assertThat(result.getResponse().getStatus()).as(username + " from " + address).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	Document loginPage(String url) throws Exception {
		return Jsoup.parse(mvc.perform(get(url)).andReturn().getResponse().getContentAsString());
	}

	@Test
	void failuresFromOneAddressWaitLongerAndLongerThenAreRefusedWhileTheRealUserSignsInElsewhere() throws Exception {
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(signIn("10.9.0.1", "district", "guess" + attempt)).isEqualTo("/login?error");
		}
		List<Long> waits = new ArrayList<>();
		for (int attempt = 6; attempt <= 20; attempt++) {
			String refused = signIn("10.9.0.1", "district", "guess" + attempt);
			assertThat(refused).startsWith("/login?throttled&wait=");
			long wait = Long.parseLong(refused.substring(refused.indexOf('=') + 1));
			waits.add(wait);
			assertThat(signIn("10.9.0.1", "district", "demo1234")).as("the right password is not checked while waiting")
				.isEqualTo(refused);
			later(Duration.ofSeconds(wait));
			assertThat(signIn("10.9.0.1", "district", "guess" + attempt)).isEqualTo("/login?error");
		}
		assertThat(waits).startsWith(2L, 4L, 8L, 16L, 32L, 60L).endsWith(60L).isSorted();
		String refused = signIn("10.9.0.1", "district", "demo1234");
		assertThat(refused).isEqualTo("/login?throttled&wait=900");
		assertThat(loginPage(refused).select(".alert-error").text())
			.isEqualTo("Có quá nhiều lần đăng nhập sai từ kết nối này. Hãy thử lại sau 15 phút.");

		// the officer at their own desk is not held back by someone else's guesses
		mvc.perform(post("/login").param("username", "district").param("password", "demo1234").with(csrf()).with(request -> {
			request.setRemoteAddr("10.9.0.2");
			return request;
		})).andExpect(authenticated().withUsername("district"));

		later(Duration.ofMinutes(15));
		assertThat(signIn("10.9.0.1", "district", "demo1234")).isEqualTo("/");
	}

	@Test
	void oneAddressTryingManyUsernamesIsSlowedAsForOne() throws Exception {
		for (int i = 1; i <= 5; i++) {
			assertThat(signIn("10.9.1.1", "nguoidung" + i, "matkhau123")).isEqualTo("/login?error");
		}
		for (int i = 6; i <= 60; i++) {
			assertThat(signIn("10.9.1.1", "nguoidung" + i, "matkhau123")).isEqualTo("/login?throttled&wait=2");
		}
	}

	@Test
	void anIpv6SubscriberCountsAsOneWhicheverAddressOfTheirNetworkTheyUse() throws Exception {
		for (int i = 1; i <= 5; i++) {
			assertThat(signIn("2001:db8:7:9::" + i, "district", "guess" + i)).isEqualTo("/login?error");
		}
		assertThat(signIn("2001:db8:7:9:ffff::6", "district", "guess6")).isEqualTo("/login?throttled&wait=2");
		assertThat(signIn("2001:db8:7:a::1", "district", "demo1234")).isEqualTo("/");
	}

	@Test
	void aUsernameIsLockedOnlyAfterFiftyFailuresShortlyAndItsPageSaysHowToGetHelp() throws Exception {
		for (int i = 1; i <= 49; i++) {
			assertThat(signIn("10.9.2." + i, "steering", "guess" + i)).isEqualTo("/login?error");
		}
		assertThat(signIn("10.9.3.1", "steering", "demo1234")).as("49 failures lock nothing").isEqualTo("/");
		for (int i = 1; i <= 50; i++) {
			assertThat(signIn("10.9.4." + i, "steering", "guess" + i)).isEqualTo("/login?error");
		}
		String locked = signIn("10.9.5.1", "steering", "demo1234");
		assertThat(locked).isEqualTo("/login?locked&wait=300");
		assertThat(loginPage(locked).select(".alert-error").text()).contains("tạm khóa", "5 phút",
				"nhờ người quản lý tài khoản", "đặt lại mật khẩu", "mở khóa ngay");

		// the manager's reset lifts the lock at once
		long steering = accounts.findByUsername("steering").orElseThrow().getId();
		MvcResult reset = mvc.perform(post("/accounts/" + steering + "/reset-password")
			.with(user(users.loadUserByUsername("district")))
			.with(csrf())).andReturn();
		String temporary = (String) reset.getFlashMap().get("temporaryPassword");
		assertThat(signIn("10.9.5.2", "steering", temporary)).isEqualTo("/");

		// or it ends by itself after 5 minutes
		for (int i = 1; i <= 50; i++) {
			signIn("10.9.6." + i, "steering", "guess" + i);
		}
		assertThat(signIn("10.9.7.1", "steering", temporary)).isEqualTo("/login?locked&wait=300");
		later(Duration.ofMinutes(5));
		assertThat(signIn("10.9.7.1", "steering", temporary)).isEqualTo("/");
	}

	@Test
	void noAnswerTellsWhetherAUsernameExists() throws Exception {
		long village = accounts.findByUsername("village").orElseThrow().getId();
		mvc.perform(post("/accounts/" + village + "/disable").with(user(users.loadUserByUsername("commune"))).with(csrf()));

		// a wrong password: the same page for an account that exists, one that does not, and a disabled one
		assertThat(signIn("10.9.8.1", "district", "wrong-password")).isEqualTo("/login?error");
		assertThat(signIn("10.9.8.2", "khongcoai", "wrong-password")).isEqualTo("/login?error");
		assertThat(signIn("10.9.8.3", "village", "wrong-password")).isEqualTo("/login?error");
		// only the right password learns that an account is disabled
		assertThat(signIn("10.9.8.4", "village", "demo1234")).isEqualTo("/login?disabled");

		// a locked username reads the same whether the account exists or not
		for (int i = 1; i <= 50; i++) {
			signIn("10.9.9." + i, "commune", "guess" + i);
			signIn("10.9.10." + i, "khongcoai", "guess" + i);
		}
		assertThat(signIn("10.9.11.1", "commune", "wrong")).isEqualTo("/login?locked&wait=300");
		assertThat(signIn("10.9.11.2", "khongcoai", "wrong")).isEqualTo("/login?locked&wait=300");
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsAWrongPasswordNotAnError() throws Exception {
		String ninetyBytes = "ữ".repeat(30);
		assertThat(ninetyBytes.getBytes(StandardCharsets.UTF_8)).hasSize(90);
		assertThat(signIn("10.9.12.1", "district", ninetyBytes)).isEqualTo("/login?error");
		assertThat(signIn("10.9.12.2", "khongcoai", ninetyBytes)).isEqualTo("/login?error");
	}

	@Test
	void theAccountsPageSaysAUsernameIsTakenOnlyAsOftenAsASignInMayFail() throws Exception {
		long village = units.openChildren(units.findOpen(UnitLevel.COMMUNE, "11074").orElseThrow().id()).get(1).id();
		for (String taken : List.of("admin", "district", "steering", "commune", "village")) {
			Document form = create(taken, village);
			assertThat(form.getElementById("username-error").text()).isEqualTo("Tên đăng nhập này đã có người dùng.");
		}
		Document refused = create("district2", village);
		assertThat(refused.getElementById("username-error").text())
			.isEqualTo("Bạn đã thử quá nhiều tên đăng nhập đã có người dùng. Hãy thử lại sau 2 giây.");
		assertThat(accounts.findByUsername("district2")).as("nothing is looked up or made while refused").isEmpty();
		later(Duration.ofSeconds(2));
		mvc.perform(accountForm("truongkhu2", village)).andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
			.isEqualTo("/accounts"));
		assertThat(accounts.findByUsername("truongkhu2")).isPresent();
	}

	Document create(String username, long village) throws Exception {
		return Jsoup.parse(mvc.perform(accountForm(username, village)).andReturn().getResponse().getContentAsString());
	}

	RequestBuilder accountForm(String username, long village) {
		return post("/accounts/new").with(user(users.loadUserByUsername("commune")))
			.with(csrf())
			.param("username", username)
			.param("fullName", "Đỗ Thị Mai")
			.param("role", "VILLAGE_HEAD")
			.param("homeUnitId", String.valueOf(village));
	}

}
