package vn.cnscd.portal.offline;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class OfflineWebConfig implements WebMvcConfigurer {

	private final FormSeals seals;

	private final KeptPosts kept;

	OfflineWebConfig(FormSeals seals, KeptPosts kept) {
		this.seals = seals;
		this.kept = kept;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new KeptFormInterceptor(seals, kept));
	}

}
