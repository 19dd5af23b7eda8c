package org.userstasks.auth;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import org.userstasks.ops.RequestIds;

/**
 * The problems of signing in and of being refused, in the shape of every other problem:
 * from controllers through this advice (ahead of the catch-all one, so an
 * {@link AccessDeniedException} is a 403, not a 500), and from the security filters,
 * which run outside Spring MVC, written directly by {@link #write}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthProblems {

	static final String NO_TOKEN = "Bearer";

	static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ExceptionHandler
	ResponseEntity<Object> wrongCredentials(WrongCredentials ex) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, NO_TOKEN);
		return response(HttpStatus.UNAUTHORIZED, ex.getMessage(), headers);
	}

	@ExceptionHandler
	ResponseEntity<Object> tooMany(TooManyFailedSignIns ex) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
		return response(HttpStatus.TOO_MANY_REQUESTS,
				"too many failed sign-ins for this username; try again after " + ex.retryAfterSeconds() + " s",
				headers);
	}

	@ExceptionHandler
	ResponseEntity<Object> busy(PasswordChecksBusy ex) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return response(HttpStatus.SERVICE_UNAVAILABLE, "too many password checks at once; try again", headers);
	}

	@ExceptionHandler
	ResponseEntity<Object> wrongCurrentPassword(WrongCurrentPassword ex) {
		return response(HttpStatus.FORBIDDEN, ex.getMessage(), new HttpHeaders());
	}

	@ExceptionHandler
	ResponseEntity<Object> denied(AccessDeniedException ex) {
		return response(HttpStatus.FORBIDDEN, "not allowed for this user", new HttpHeaders());
	}

	private static ResponseEntity<Object> response(HttpStatus status, String detail, HttpHeaders headers) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		String requestId = RequestIds.current();
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * Writes a problem outside Spring MVC, member for member as the advice's problems.
	 */
	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		String requestId = RequestIds.current();
		if (requestId != null) {
			problem.put("requestId", requestId);
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}

}
