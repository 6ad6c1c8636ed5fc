package vn.cnscd.portal.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.cnscd.portal.area.Actor;
import vn.cnscd.portal.indicator.IndicatorService;
import vn.cnscd.portal.indicator.IndicatorSummary;

/**
 * Ad hoc requests: an officer opens one for communes or villages; each addressee's head answers it
 * once, on a page that works on a phone; the district sees who answered and closes it.
 */
@Controller
class AdhocRequestController {

	private final AdhocRequestService requests;

	private final IndicatorService indicators;

	private final Deadlines deadlines;

	AdhocRequestController(AdhocRequestService requests, IndicatorService indicators, Deadlines deadlines) {
		this.requests = requests;
		this.indicators = indicators;
		this.deadlines = deadlines;
	}

	@GetMapping("/requests")
	String list(Actor actor, Model model) {
		model.addAttribute("requests", requests.list(actor));
		model.addAttribute("canCreate", requests.canCreate(actor));
		model.addAttribute("today", deadlines.today());
		return "reporting/adhoc-requests";
	}

	@GetMapping("/requests/new")
	String newRequest(Actor actor, Model model) {
		AdhocRequestForm form = new AdhocRequestForm();
		form.setDeadline(deadlines.today().plusDays(7));
		return form(actor, form, model);
	}

	@PostMapping("/requests/new")
	String create(Actor actor, @Valid @ModelAttribute("form") AdhocRequestForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		List<Long> addressees = requests.check(actor, form, result);
		if (addressees == null || result.hasErrors()) {
			return form(actor, form, model);
		}
		long id = requests.create(actor, form, addressees);
		redirect.addFlashAttribute("notice", "adhoc.created");
		return "redirect:/requests/" + id;
	}

	private String form(Actor actor, AdhocRequestForm form, Model model) {
		model.addAttribute("communes", requests.communes(actor));
		model.addAttribute("indicators", indicators.active());
		model.addAttribute("form", form);
		return "reporting/adhoc-request-form";
	}

	@GetMapping("/requests/{id}")
	String show(Actor actor, @PathVariable long id, Model model) {
		AdhocAnswerForm form = new AdhocAnswerForm();
		form.setFormKey(UUID.randomUUID().toString());
		return page(actor, requests.request(actor, id), form, model);
	}

	@PostMapping("/requests/{id}/answer")
	String answer(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") AdhocAnswerForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		AdhocRequest request = requests.request(actor, id);
		Map<Long, Integer> values = new HashMap<>();
		for (Long indicator : request.indicatorIds()) {
			Integer value = ReportChecks.number(form.getValues().get(indicator), "values[" + indicator + "]", true, result);
			if (value != null) {
				values.put(indicator, value);
			}
		}
		if (result.hasErrors()) {
			return page(actor, request, form, model);
		}
		AnswerOutcome outcome = requests.answer(actor, id, form.getAnswers().strip(), values, form.getFormKey());
		switch (outcome) {
			case ANSWERED, ALREADY_DONE -> redirect.addFlashAttribute("notice", "adhoc.answer.done");
			case ANSWERED_ELSEWHERE, CLOSED -> {
				result.reject(outcome == AnswerOutcome.CLOSED ? "adhoc.closed.refused" : "adhoc.answeredElsewhere");
				response.setStatus(HttpStatus.CONFLICT.value());
				model.addAttribute("conflict", true);
				return page(actor, requests.request(actor, id), form, model);
			}
		}
		return "redirect:/requests/" + id;
	}

	@PostMapping("/requests/{id}/close")
	String close(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		requests.close(actor, id);
		redirect.addFlashAttribute("notice", "adhoc.closed.done");
		return "redirect:/requests/" + id;
	}

	@GetMapping("/requests/{id}/answers/{unitId}")
	String answerOf(Actor actor, @PathVariable long id, @PathVariable long unitId, Model model) {
		AdhocRequest request = requests.request(actor, id);
		AdhocAnswer answer = requests.answerOf(actor, id, unitId);
		model.addAttribute("request", request);
		model.addAttribute("answer", answer);
		model.addAttribute("addressee", requests.addressees(actor, request)
			.stream()
			.filter(a -> a.unit().id() == unitId)
			.findFirst()
			.orElseThrow(ReportNotFoundException::new));
		model.addAttribute("indicators", chosen(request));
		return "reporting/adhoc-answer";
	}

	/**
	 * The request's page: for the head of an addressee the answer form, or the answer they sent; for the
	 * district and everyone else who sees addressees, who answered.
	 */
	private String page(Actor actor, AdhocRequest request, AdhocAnswerForm form, Model model) {
		List<AdhocAddressee> addressees = requests.addressees(actor, request);
		AdhocAddressee own = addressees.stream().filter(a -> requests.answersFor(actor, a.unit())).findFirst().orElse(null);
		model.addAttribute("request", request);
		model.addAttribute("committee", requests.committeeOf(request));
		model.addAttribute("indicators", chosen(request));
		model.addAttribute("own", own);
		model.addAttribute("ownAnswer", own != null && own.answered() ? requests.answerOf(actor, request.id(), own.unit().id()) : null);
		model.addAttribute("addressees", addressees.stream().filter(a -> a != own).toList());
		model.addAttribute("answeredCount", addressees.stream().filter(AdhocAddressee::answered).count());
		model.addAttribute("districtSide", requests.districtSide(actor, request));
		model.addAttribute("canClose", requests.canClose(actor, request));
		model.addAttribute("overdue", deadlines.today().isAfter(request.deadline()));
		model.addAttribute("form", form);
		return "reporting/adhoc-request";
	}

	private List<IndicatorSummary> chosen(AdhocRequest request) {
		return indicators.all().stream().filter(i -> request.indicatorIds().contains(i.id())).toList();
	}

}
