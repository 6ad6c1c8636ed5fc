package vn.cnscd.portal.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * A page that shows a refused form says so first in its title ("Lỗi: …"), which is what a screen reader reads
 * and a browser tab shows, whatever page the form is on: the title each page gives the layout is prefixed
 * on its way out, so no page has to know. {@link Refusals} marks the pages whose form has errors.
 */
@Component
class RefusedFormTitle extends AbstractDialect implements IPostProcessorDialect {

	static final String REFUSED = "refusedForm";

	RefusedFormTitle() {
		super("refused-form-title");
	}

	@Override
	public int getDialectPostProcessorPrecedence() {
		return 1000;
	}

	@Override
	public Set<IPostProcessor> getPostProcessors() {
		return Set.of(new PostProcessor(TemplateMode.HTML, TitlePrefix.class, 1000));
	}

	/** Prefixes the text of the page's first title element, when the page's form was refused. */
	public static final class TitlePrefix extends AbstractTemplateHandler {

		private ITemplateContext context;

		private boolean inTitle;

		private boolean done;

		@Override
		public void setContext(ITemplateContext context) {
			super.setContext(context);
			this.context = context;
		}

		@Override
		public void handleOpenElement(IOpenElementTag tag) {
			inTitle = !done && "title".equals(tag.getElementCompleteName());
			super.handleOpenElement(tag);
		}

		@Override
		public void handleText(IText text) {
			if (inTitle && !done && Boolean.TRUE.equals(context.getVariable(REFUSED))) {
				done = true;
				String prefix = context.getMessage(RefusedFormTitle.class, "form.refused.title", new Object[0], true);
				super.handleText(context.getModelFactory().createText(prefix + " " + text.getText().strip()));
				return;
			}
			super.handleText(text);
		}

		@Override
		public void handleCloseElement(ICloseElementTag tag) {
			if (inTitle && "title".equals(tag.getElementCompleteName())) {
				inTitle = false;
				done = true;
			}
			super.handleCloseElement(tag);
		}

	}

	/** Marks a page whose model holds a form with errors, for the title and the error summary. */
	static final class Refusals implements HandlerInterceptor {

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView view) {
			if (view != null && view.getModel().values().stream()
				.anyMatch(value -> value instanceof BindingResult result && result.hasErrors())) {
				view.addObject(REFUSED, true);
			}
		}

	}

}
