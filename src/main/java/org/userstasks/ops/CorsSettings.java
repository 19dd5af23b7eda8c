package org.userstasks.ops;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * CORS for browser clients on the origins of {@link CorsProperties}: the API's methods, a
 * JSON body and a request id may be sent; paging links, locations and request ids may be
 * read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class CorsSettings implements WebMvcConfigurer {

	private final CorsProperties properties;

	CorsSettings(CorsProperties properties) {
		this.properties = properties;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		if (this.properties.allowedOrigins().isEmpty()) {
			return;
		}
		registry.addMapping("/**")
			.allowedOrigins(this.properties.allowedOrigins().toArray(String[]::new))
			.allowedMethods("GET", "POST", "PATCH", "DELETE")
			.allowedHeaders(HttpHeaders.CONTENT_TYPE, RequestIds.HEADER)
			.exposedHeaders(HttpHeaders.LINK, HttpHeaders.LOCATION, RequestIds.HEADER);
	}

	/**
	 * A request from an origin that is not allowed is refused with a problem like every
	 * other error, rather than Spring's plain-text 403.
	 */
	@Bean
	static BeanPostProcessor problemForRejectedCors() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof AbstractHandlerMapping mapping) {
					mapping.setCorsProcessor(new ProblemCorsProcessor());
				}
				return bean;
			}

		};
	}

	private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

		private static final String REFUSED = "cross-origin request not allowed for this origin, method or headers";

		@Override
		public boolean processRequest(CorsConfiguration config, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			try {
				return super.processRequest(config, request, response);
			}
			catch (ErrorResponseException ex) {
				if (request.getDispatcherType() == DispatcherType.ERROR) {
					// The error page of a refused request (a preflight refusal arrives
					// here as a 403): let it render.
					return true;
				}
				throw ex;
			}
		}

		@Override
		protected void rejectRequest(ServerHttpResponse response) {
			// Thrown into the handler chain, so it ends as a problem like any error.
			throw new ErrorResponseException(HttpStatus.FORBIDDEN,
					ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, REFUSED), null);
		}

	}

}
