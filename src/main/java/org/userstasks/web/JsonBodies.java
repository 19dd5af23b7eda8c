package org.userstasks.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The one place that decides whether a request's body is one the service reads: a request
 * that carries a body must declare JSON ({@link JsonContentType}) and must not be
 * content-encoded; any other is a 415 before anything else looks at it. A
 * {@code Content-Type} describes a body: on a request without one it says nothing, and is
 * hidden from what follows unless it is JSON.
 * <p>
 * So nothing downstream ever sees a {@code Content-Type} it cannot handle: Spring's
 * {@code ServletServerHttpRequest} throws {@code IllegalArgumentException} ("cannot
 * contain wildcard type") when it adds the request's character encoding to a wildcard
 * type such as {@code *}{@code /*}, and Tomcat would read a form body as parameters. Runs
 * after Spring Security's filter chain (order -100), so that a request without a valid
 * token is a 401 first, as the contract orders its errors.
 */
@Component
@Order(0)
class JsonBodies extends OncePerRequestFilter {

	private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON,
			new MediaType("application", "*+json"));

	private final HandlerExceptionResolver errors;

	JsonBodies(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean body = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		List<String> contentTypes = Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE));
		if (!body) {
			boolean ignored = !contentTypes.isEmpty() && !JsonContentType.isJson(contentTypes);
			chain.doFilter(ignored ? new WithoutContentType(request) : request, response);
			return;
		}
		if (!JsonContentType.isJson(contentTypes)) {
			refuse(request, response, "request body must be JSON (Content-Type: application/json)");
			return;
		}
		if (encoded(request)) {
			response.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
			refuse(request, response, "request body must not be compressed (no Content-Encoding)");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean encoded(HttpServletRequest request) {
		for (String value : Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING))) {
			for (String coding : value.split(",")) {
				if (!coding.isBlank() && !coding.trim().equalsIgnoreCase("identity")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * A 415 rendered by the API's exception handler, like every other 415.
	 */
	private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) {
		HttpMediaTypeNotSupportedException refusal = new HttpMediaTypeNotSupportedException(null, JSON,
				HttpMethod.valueOf(request.getMethod()), detail);
		refusal.getBody().setDetail(detail);
		this.errors.resolveException(request, response, null, refusal);
	}

	/**
	 * A request without a body, seen without the {@code Content-Type} it named.
	 */
	private static final class WithoutContentType extends HttpServletRequestWrapper {

		WithoutContentType(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public String getHeader(String name) {
			return isContentType(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return isContentType(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			names.removeIf(WithoutContentType::isContentType);
			return Collections.enumeration(names);
		}

		private static boolean isContentType(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name);
		}

	}

}
