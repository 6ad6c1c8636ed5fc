package vn.cnscd.portal.upload;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The page of an upload refused for want of a free slot: 429 with Retry-After, and a way back to the form. */
@ControllerAdvice
class UploadsBusyHandler {

	static final String RETRY_AFTER_SECONDS = "10";

	@ExceptionHandler(UploadsBusyException.class)
	String busy(UploadsBusyException busy, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		model.addAttribute("own", busy.own());
		model.addAttribute("back", busy.back());
		return "upload/busy";
	}

}
