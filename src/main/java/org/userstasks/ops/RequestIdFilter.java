package org.userstasks.ops;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs first, so every response carries {@code X-Request-Id}, even a 413 or 404 that
 * never reaches a controller, and writes one access-log line per request. It reads
 * headers only: the body is never buffered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String ACCESS_LOGGER = "org.userstasks.access";

	private static final Logger access = LoggerFactory.getLogger(ACCESS_LOGGER);

	private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The container renders an error in a second dispatch, after this filter has
		// returned; the error page needs the id in the logging context again.
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(ATTRIBUTE) instanceof String id) {
			renderError(id, request, response, chain);
			return;
		}
		long start = System.nanoTime();
		String header = request.getHeader(RequestIds.HEADER);
		String id = RequestIds.isWellFormed(header) ? header : RequestIds.generate();
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(RequestIds.HEADER, id);
		MDC.put(RequestIds.MDC_KEY, id);
		int status = HttpStatus.INTERNAL_SERVER_ERROR.value();
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		catch (ServletException | RuntimeException ex) {
			// Escaped every handler: logged here, where the id is known; the
			// container's error page then answers with a problem.
			log.error("Request failed: {} {}", request.getMethod(), request.getRequestURI(), ex);
			if (response.isCommitted()) {
				throw ex;
			}
			response.sendError(status);
		}
		finally {
			long micros = (System.nanoTime() - start) / 1000;
			String method = request.getMethod();
			String path = request.getRequestURI();
			double millis = micros / 1000.0;
			access.atInfo()
				.addKeyValue("method", method)
				.addKeyValue("path", path)
				.addKeyValue("status", status)
				.addKeyValue("durationMs", millis)
				.log("{} {} {} {}ms", method, path, status, millis);
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	private static void renderError(String id, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		response.setHeader(RequestIds.HEADER, id);
		MDC.put(RequestIds.MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

}
