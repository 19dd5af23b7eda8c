package org.userstasks.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (in a filter, or by the servlet container) end here,
 * and leave as problem+json like every other error.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<Object> error(HttpServletRequest request) {
		// An error the container answered itself (a TRACE) comes here without having
		// passed the filters that set the request's encoding: Spring would decode the
		// path with the charset the client named ("charset=" failed as a 500).
		request.setCharacterEncoding(StandardCharsets.UTF_8);
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// Asked for by a client, not forwarded here after an error: no such resource.
			return Problems.response(problem(HttpStatus.NOT_FOUND, request.getRequestURI()), new HttpHeaders());
		}
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return Problems.response(problem(status, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)),
				new HttpHeaders());
	}

	private static ProblemDetail problem(HttpStatus status, @Nullable Object uri) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Problems.detail(status));
		if (uri instanceof String path) {
			try {
				problem.setInstance(new URI(path));
			}
			catch (URISyntaxException ex) {
				// A path the container refused as malformed is left out rather than
				// echoed.
			}
		}
		return problem;
	}

}
