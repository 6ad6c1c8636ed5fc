package vn.cnscd.portal.reporting;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.StaleEditException;

/**
 * One review step on a report (approve, return, unlock, acknowledge): done, or refused because the report
 * changed since the page was shown or because a reason is missing; then back to the report's page.
 */
final class ReviewStep {

	static final int MAX_REASON = 2000;

	private ReviewStep() {
	}

	static String run(String page, String doneKey, RedirectAttributes redirect, Runnable step) {
		try {
			step.run();
			redirect.addFlashAttribute("notice", doneKey);
		}
		catch (StaleEditException stale) {
			redirect.addFlashAttribute("warning", "report.reviewConflict");
		}
		return "redirect:" + page;
	}

	/** A step that the village head or commune must read the reason of. */
	static String withReason(String page, String doneKey, String reason, RedirectAttributes redirect, Runnable step) {
		if (reason.isBlank() || reason.length() > MAX_REASON) {
			redirect.addFlashAttribute("warning", "report.reason.required");
			return "redirect:" + page;
		}
		return run(page, doneKey, redirect, step);
	}

}
