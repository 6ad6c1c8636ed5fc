package vn.cnscd.portal.web;

import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The portal's CSS, scripts and icons under addresses that carry a hash of their content
 * ({@code /css/app-3f9a….css}, written into every page by the resource chain), so that a phone keeps them a
 * year without asking again and still gets a changed file at once. Pages themselves stay {@code no-store}
 * (Spring Security's default), and every text response is compressed (application.properties).
 */
@Configuration(proxyBeanMethods = false)
class AssetConfig implements WebMvcConfigurer {

	static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final String[] FOLDERS = { "css", "js", "icons" };

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(A_YEAR)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
	}

	/** Rewrites the asset addresses the templates write (@{/css/app.css}) to their hashed form. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		return new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RefusedFormTitle.Refusals());
	}

}
