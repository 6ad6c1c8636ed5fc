package vn.cnscd.portal.offline;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page tells the phone's script: whose page it is ({@code owner}, empty for no one), and the seal a
 * report or roster form on it carries ({@code formSeal}, for the signed-in user and the page's address).
 */
@ControllerAdvice
class OfflineAdvice {

	private final FormSeals seals;

	OfflineAdvice(FormSeals seals) {
		this.seals = seals;
	}

	@ModelAttribute("owner")
	String owner() {
		return seals.owner();
	}

	@ModelAttribute("formSeal")
	String formSeal() {
		return seals.seal();
	}

}
