package org.userstasks.ops;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, with two differences: a refusal is a problem+json 403 like every
 * other error (not a plain-text body), and an actual request is not refused for its
 * method. A browser preflights every method but GET and POST, so the method is judged
 * there; a request that arrives anyway with another method (PUT) gets its own answer, a
 * 405, readable by the page that sent it.
 */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

	static final String DETAIL = "cross-origin request not allowed for this origin, method or headers";

	private final JsonMapper json;

	ProblemCorsProcessor(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		boolean allowed = super.processRequest(config, new WithoutContentType(request), response);
		if (!allowed) {
			writeProblem(request, response);
		}
		return allowed;
	}

	@Override
	protected boolean handleInternal(ServerHttpRequest request, ServerHttpResponse response, CorsConfiguration config,
			boolean preFlightRequest) throws IOException {
		if (preFlightRequest) {
			return super.handleInternal(request, response, config, true);
		}
		CorsConfiguration anyMethod = new CorsConfiguration(config);
		anyMethod.setAllowedMethods(List.of(CorsConfiguration.ALL));
		return super.handleInternal(request, response, anyMethod, false);
	}

	@Override
	protected void rejectRequest(ServerHttpResponse response) {
		// The problem is written by processRequest, which knows the request's path.
	}

	/**
	 * CORS needs no {@code Content-Type}, and Spring's request adapter fails on a
	 * wildcard one ({@code *}{@code /*}) combined with the request's character encoding:
	 * hidden here, so such a request goes on to its 415.
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
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
					: super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			names.removeIf(HttpHeaders.CONTENT_TYPE::equalsIgnoreCase);
			return Collections.enumeration(names);
		}

	}

	private static boolean isUriReference(String path) {
		try {
			new URI(path);
			return true;
		}
		catch (URISyntaxException ex) {
			// Left out rather than echoed.
			return false;
		}
	}

	private void writeProblem(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", HttpStatus.FORBIDDEN.getReasonPhrase());
		problem.put("status", HttpStatus.FORBIDDEN.value());
		problem.put("detail", DETAIL);
		if (isUriReference(request.getRequestURI())) {
			problem.put("instance", request.getRequestURI());
		}
		String requestId = RequestIds.current();
		if (requestId != null) {
			problem.put("requestId", requestId);
		}
		byte[] body = this.json.writeValueAsBytes(problem);
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

}
