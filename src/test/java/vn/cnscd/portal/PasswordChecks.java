package vn.cnscd.portal;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.crypto.password.PasswordEncoder;

/** The portal's password encoder, counting how many passwords it compared: what a throttle must keep down. */
public final class PasswordChecks implements PasswordEncoder {

	private final PasswordEncoder encoder;

	private final AtomicInteger comparisons = new AtomicInteger();

	PasswordChecks(PasswordEncoder encoder) {
		this.encoder = encoder;
	}

	public int comparisons() {
		return comparisons.get();
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return encoder.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		comparisons.incrementAndGet();
		return encoder.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return encoder.upgradeEncoding(encodedPassword);
	}

}
