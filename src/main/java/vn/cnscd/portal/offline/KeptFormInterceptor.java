package vn.cnscd.portal.offline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.MutablePropertyValues;
import org.springframework.validation.DataBinder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * On every page of a signed-in user: the owner header the service worker files pages under. On a form's page
 * opened with {@code ?kept=key} by the account that sent it: the form shown filled in with what was kept
 * ({@code keptAt} tells the page to say so). The form is the page's {@code form} model attribute, whatever its
 * type: the kept parameters are bound onto it as a POST of the form would be, and nothing is saved.
 */
class KeptFormInterceptor implements HandlerInterceptor {

	static final String OWNER_HEADER = "X-Portal-Owner";

	private final FormSeals seals;

	private final KeptPosts kept;

	KeptFormInterceptor(FormSeals seals, KeptPosts kept) {
		this.seals = seals;
		this.kept = kept;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		FormSeals.signedIn().ifPresent(username -> response.setHeader(OWNER_HEADER, seals.owner(username)));
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		String key = request.getParameter(KeptPostHandler.PARAMETER);
		if (key == null || view == null || !"GET".equals(request.getMethod()) || key.length() > 64
				|| (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
			return;
		}
		Object form = view.getModel().get("form");
		Optional<String> username = FormSeals.signedIn();
		if (form == null || username.isEmpty()) {
			return;
		}
		kept.take(username.get(), key, FormSeals.path(request)).ifPresent(found -> {
			MutablePropertyValues values = new MutablePropertyValues();
			for (Map.Entry<String, List<String>> parameter : found.parameters().entrySet()) {
				values.add(parameter.getKey(), parameter.getValue().toArray(String[]::new));
			}
			DataBinder binder = new DataBinder(form, "form");
			binder.setAutoGrowNestedPaths(true);
			binder.bind(values);
			view.addObject("keptAt", found.at());
		});
	}

}
