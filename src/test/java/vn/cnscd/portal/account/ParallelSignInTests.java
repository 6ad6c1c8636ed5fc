package vn.cnscd.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.cnscd.portal.HttpUser;
import vn.cnscd.portal.IntegrationTest;
import vn.cnscd.portal.MutableClock;
import vn.cnscd.portal.PasswordChecks;

/**
 * Issue #11, item 3, against the running portal over real HTTP: 40 wrong passwords sent at once for one account
 * from one address are each answered with the sign-in page, never an error, and no more passwords are compared
 * than the address may try at once (5); the right password sent after them does not sign in. The clock stands
 * still, so that no wait runs out however slowly the machine answers.
 */
@IntegrationTest
class ParallelSignInTests {

	static final String USERNAME = "dangnhapsongsong";

	static final String PASSWORD = "song-song-2026";

	static final int PARALLEL = 40;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void anAccountAndAStoppedClock() {
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, full_name, role, home_unit_id, must_change_password)
				VALUES (:username, :hash, 'Người Song Song', 'OFFICER',
				        (SELECT id FROM unit WHERE level = 'DISTRICT' AND code = '298'), false)""")
			.param("username", USERNAME)
			.param("hash", passwords.encode(PASSWORD))
			.update();
		clock.set(Instant.now());
	}

	@AfterEach
	void forgetIt() {
		clock.reset();
		jdbc.sql("DELETE FROM sign_in_throttle WHERE key IN (:keys)").param("keys", List.of(USERNAME, "127.0.0.1")).update();
		jdbc.sql("DELETE FROM app_user WHERE username = :username").param("username", USERNAME).update();
	}

	@Test
	void fortyParallelWrongPasswordsAreCountedOneByOneAndNeverAnswerAnError() throws Exception {
		List<HttpUser> attackers = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < PARALLEL; i++) {
			HttpUser attacker = new HttpUser(port);
			tokens.add(HttpUser.csrfToken(attacker.get("/login").body()));
			attackers.add(attacker);
		}
		PasswordChecks checks = (PasswordChecks) passwords;
		int checksBefore = checks.comparisons();

		ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < PARALLEL; i++) {
				HttpUser attacker = attackers.get(i);
				String form = "username=" + USERNAME + "&password=wrong-" + i + "&_csrf=" + HttpUser.encode(tokens.get(i));
				answers.add(pool.submit(() -> {
					start.await();
					return attacker.post("/login", form);
				}));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
				outcomes.add(response.headers().firstValue("Location").orElseThrow());
			}
			Map<String, Long> byOutcome = outcomes.stream()
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(byOutcome).as("where the 40 were sent").containsOnlyKeys("/login?error", "/login?throttled&wait=2");
			assertThat(byOutcome.get("/login?error")).isEqualTo(5);
			assertThat(checks.comparisons() - checksBefore).as("passwords compared").isEqualTo(5);
		}
		finally {
			pool.shutdownNow();
		}

		HttpUser owner = new HttpUser(port);
		String token = HttpUser.csrfToken(owner.get("/login").body());
		HttpResponse<String> last = owner.post("/login",
				"username=" + USERNAME + "&password=" + HttpUser.encode(PASSWORD) + "&_csrf=" + HttpUser.encode(token));
		assertThat(last.headers().firstValue("Location")).hasValue("/login?throttled&wait=2");
		assertThat(checks.comparisons() - checksBefore).as("passwords compared").isEqualTo(5);
	}

}
