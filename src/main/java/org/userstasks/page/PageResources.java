package org.userstasks.page;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the page's modules, style sheet and icon under {@code /app/} (the page itself is
 * {@link PageController}'s), and nothing else of the classpath: static resources are off
 * ({@code spring.web.resources.add-mappings=false}), so every other path still ends in
 * the API's problem+json 404.
 */
@Configuration(proxyBeanMethods = false)
class PageResources implements WebMvcConfigurer {

	/**
	 * The page's public paths, as Spring MVC path patterns.
	 */
	static final String[] PATHS = { "/", "/index.html", "/app/**" };

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// no-cache: a browser revalidates (Last-Modified), so a new version shows at
		// once.
		registry.addResourceHandler("/app/**")
			.addResourceLocations("classpath:/static/app/")
			.setCacheControl(CacheControl.noCache());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PageHeaders()).addPathPatterns(PATHS);
	}

}
