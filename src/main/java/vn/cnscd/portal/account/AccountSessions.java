package vn.cnscd.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Which sessions of an account are still good. A session keeps the account's session generation from when it
 * signed in; ending an account's sessions moves the generation on ({@link Account#endSessions()}), and every
 * request of an older session is signed out by {@link CurrentActorFilter}. This holds wherever sessions are
 * kept, in the servlet container's memory or, under the cluster profile, in PostgreSQL, and with no race: a
 * session that signs in while the sessions end keeps a generation the account has already left.
 */
final class AccountSessions {

	static final String GENERATION = AccountSessions.class.getName() + ".generation";

	private AccountSessions() {
	}

	/** Marks the request's session as signed in to the account now. */
	static void signedIn(HttpServletRequest request, Account account) {
		keep(request, account.getSessionGeneration());
	}

	/** The request's session goes on after the account's other sessions ended, as of {@code generation}. */
	static void keep(HttpServletRequest request, int generation) {
		request.getSession().setAttribute(GENERATION, generation);
	}

	/**
	 * Whether the request's session signed in before the account's sessions were last ended. Every sign-in through
	 * the form marks its session; one that carries no mark was not made by it (the tests' own sign-ins, or, under
	 * the cluster profile, a session kept from before this rule, until it expires) and is not ended by it.
	 */
	static boolean ended(HttpServletRequest request, Account account) {
		HttpSession session = request.getSession(false);
		Object generation = session == null ? null : session.getAttribute(GENERATION);
		return generation instanceof Integer signedIn && signedIn < account.getSessionGeneration();
	}

}
