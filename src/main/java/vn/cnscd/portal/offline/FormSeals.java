package vn.cnscd.portal.offline;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Signatures the portal writes into the forms it renders and into every page of a signed-in user.
 * <ul>
 * <li>A form's seal says "the portal rendered the form at this address for this account": a form sent after
 * its session ended is kept only with a valid seal, so another site cannot plant figures into someone's form
 * (it cannot sign, and a seal of its own account only ever comes back to that account).</li>
 * <li>The owner names the signed-in account to the phone without saying who it is: the drafts, the outbox
 * and the pages the service worker keeps are filed under it.</li>
 * </ul>
 * The secret is in the database, so that every instance of a cluster knows the seals of the others, and an
 * instance still knows its own after a restart.
 */
@Component
public class FormSeals {

	/** How long after rendering a form may still be kept: a form opened one evening is sent the next morning. */
	static final Duration VALIDITY = Duration.ofDays(7);

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile SecretKeySpec secret;

	FormSeals(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The seal of the form the current request renders (its address is the form's), for the signed-in user. */
	public String seal() {
		return signedIn().map(username -> seal(username, path(currentRequest()), clock.instant().getEpochSecond()))
			.orElse("");
	}

	/** The signed-in user's owner name, or an empty text for a page that belongs to no one. */
	public String owner() {
		return signedIn().map(this::owner).orElse("");
	}

	String owner(String username) {
		return BASE64.encodeToString(mac("owner\n" + username)).substring(0, 22);
	}

	/** The account whose form at this address the seal proves, while it is valid. */
	Optional<String> verify(String seal, String path) {
		if (seal == null) {
			return Optional.empty();
		}
		String[] parts = seal.split("\\.", -1);
		if (parts.length != 3 || parts[0].length() > 200 || !parts[1].matches("\\d{1,12}")) {
			return Optional.empty();
		}
		String username;
		try {
			username = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
		long issued = Long.parseLong(parts[1]);
		long now = clock.instant().getEpochSecond();
		if (issued > now + 60 || now - issued > VALIDITY.toSeconds()) {
			return Optional.empty();
		}
		byte[] expected = seal(username, path, issued).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, seal.getBytes(StandardCharsets.US_ASCII)) ? Optional.of(username)
				: Optional.empty();
	}

	String seal(String username, String path, long issued) {
		return BASE64.encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "." + issued + "."
				+ BASE64.encodeToString(mac("seal\n" + username + "\n" + path + "\n" + issued));
	}

	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	static Optional<String> signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return Optional.of(authentication.getName());
	}

	private static HttpServletRequest currentRequest() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}

	private byte[] mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(secret());
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", impossible);
		}
	}

	/** The deployment's secret, made by the first instance that needs it. */
	private SecretKeySpec secret() {
		SecretKeySpec known = secret;
		if (known == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			jdbc.sql("INSERT INTO form_seal_key (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING")
				.param("secret", fresh)
				.update();
			byte[] stored = jdbc.sql("SELECT secret FROM form_seal_key WHERE id = 1").query(byte[].class).single();
			known = new SecretKeySpec(stored, "HmacSHA256");
			secret = known;
		}
		return known;
	}

}
