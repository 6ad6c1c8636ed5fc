package vn.cnscd.portal.account;

import java.time.Duration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	/** A wait in an address is a number the portal wrote; one out of bounds is shown as the longest there is. */
	private static final long LONGEST_WAIT = Duration.ofDays(1).toSeconds();

	@GetMapping("/login")
	String login(@RequestParam(required = false) Long wait, Model model) {
		if (wait != null) {
			WaitText text = WaitText.of(Duration.ofSeconds(Math.max(1, Math.min(wait, LONGEST_WAIT))));
			model.addAttribute("waitUnit", text.unit());
			model.addAttribute("waitAmount", text.amount());
		}
		return "account/login";
	}

}
