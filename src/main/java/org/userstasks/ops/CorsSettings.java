package org.userstasks.ops;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for browser clients on the origins of {@link CorsProperties}: the API's methods, a
 * JSON body, a bearer token, conditional headers and a request id may be sent; paging
 * links, locations, request ids, ETags and the headers of 401, 429 and 503 may be read.
 * <p>
 * A servlet filter at the front of the chain, right after the request id: every response
 * gets its CORS headers, also an error raised by a later filter (413, 401) or one that no
 * handler matched (404, 405), and preflights of any path are answered here, never passed
 * on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class CorsSettings {

	static final List<String> ALLOWED_METHODS = List.of("GET", "POST", "PATCH", "DELETE");

	static final List<String> ALLOWED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION,
			HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, RequestIds.HEADER);

	static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.LINK, HttpHeaders.LOCATION, RequestIds.HEADER,
			HttpHeaders.ETAG, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER);

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(CorsProperties properties, JsonMapper json) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(properties.allowedOrigins());
		configuration.setAllowedMethods(ALLOWED_METHODS);
		configuration.setAllowedHeaders(ALLOWED_HEADERS);
		configuration.setExposedHeaders(EXPOSED_HEADERS);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new ProblemCorsProcessor(json));
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		// No origin allowed: no CORS headers at all, and an OPTIONS request is left to
		// the API like any other.
		registration.setEnabled(!properties.allowedOrigins().isEmpty());
		return registration;
	}

}
