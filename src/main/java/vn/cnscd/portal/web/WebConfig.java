package vn.cnscd.portal.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese by default, English on request ({@code ?lang=en}, remembered in a cookie); the clock of the
 * district, Asia/Ho_Chi_Minh, for every "today" and every deadline.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

	@Bean
	Clock clock() {
		return Clock.system(ZONE);
	}

	/**
	 * Around the security filters, which read the signed-in account from the database on every request, and
	 * around Spring Session's, which under the cluster profile reads and writes the session there.
	 */
	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
		FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
				new DatabaseUnavailableFilter());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
		return registration;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("lang") {
			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				super.setLocale(request, response, supported(locale));
			}

			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				return supported(super.resolveLocale(request));
			}
		};
		resolver.setDefaultLocale(VIETNAMESE);
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	private static Locale supported(Locale locale) {
		if (locale == null) {
			return VIETNAMESE;
		}
		return SUPPORTED.stream()
			.filter(candidate -> candidate.getLanguage().equals(locale.getLanguage()))
			.findFirst()
			.orElse(VIETNAMESE);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
