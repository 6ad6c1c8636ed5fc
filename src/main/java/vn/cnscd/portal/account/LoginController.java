package vn.cnscd.portal.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final SignInProperties signIn;

	LoginController(SignInProperties signIn) {
		this.signIn = signIn;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("maxAttempts", signIn.maxAttempts());
		model.addAttribute("lockMinutes", signIn.lockDuration().toMinutes());
		return "account/login";
	}

}
