package vn.cnscd.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

import vn.cnscd.portal.IntegrationTest;

/**
 * Issue #11, item 4, with sessions in memory ({@link ClusterSessionTests} shows the same under the cluster
 * profile): changing one's password ends one's other sessions, and a password reset or a disabled account ends
 * every session of the account, at once; enabling the account again does not bring them back.
 */
@IntegrationTest
@Transactional
class SessionEndTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountRepository accounts;

	@Autowired
	UserDetailsService users;

	MockHttpSession signIn(String username, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	void stillSignedIn(MockHttpSession session) throws Exception {
		mvc.perform(get("/").session(session)).andExpect(status().isOk());
	}

	void signedOut(MockHttpSession session) throws Exception {
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?ended"));
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void changingOnesPasswordEndsOnesOtherSessionsButNotThisOne() throws Exception {
		MockHttpSession phone = signIn("village", "demo1234");
		MockHttpSession office = signIn("village", "demo1234");
		mvc.perform(post("/account/password").session(office)
			.with(csrf())
			.param("currentPassword", "demo1234")
			.param("newPassword", "lúa chín vàng đồng")
			.param("confirmPassword", "lúa chín vàng đồng")).andExpect(redirectedUrl("/"));
		stillSignedIn(office);
		signedOut(phone);
		String page = mvc.perform(get("/login?ended")).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(page).select(".alert-info").text())
			.isEqualTo("Phiên đăng nhập đã kết thúc vì mật khẩu vừa được đổi hoặc đặt lại. Hãy đăng nhập lại.");
		stillSignedIn(signIn("village", "lúa chín vàng đồng"));
	}

	@Test
	void aPasswordResetEndsEverySessionOfTheAccount() throws Exception {
		MockHttpSession phone = signIn("village", "demo1234");
		MockHttpSession office = signIn("village", "demo1234");
		long village = accounts.findByUsername("village").orElseThrow().getId();
		mvc.perform(post("/accounts/" + village + "/reset-password").with(user(users.loadUserByUsername("commune")))
			.with(csrf())).andExpect(redirectedUrl("/accounts"));
		signedOut(phone);
		signedOut(office);
	}

	@Test
	void disablingEndsEverySessionAndEnablingAgainDoesNotBringThemBack() throws Exception {
		MockHttpSession phone = signIn("village", "demo1234");
		MockHttpSession office = signIn("village", "demo1234");
		long village = accounts.findByUsername("village").orElseThrow().getId();
		mvc.perform(post("/accounts/" + village + "/disable").with(user(users.loadUserByUsername("commune"))).with(csrf()))
			.andExpect(redirectedUrl("/accounts"));
		mvc.perform(post("/accounts/" + village + "/enable").with(user(users.loadUserByUsername("commune"))).with(csrf()))
			.andExpect(redirectedUrl("/accounts"));
		signedOut(phone);
		signedOut(office);
		stillSignedIn(signIn("village", "demo1234"));
	}

}
