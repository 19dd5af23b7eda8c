package org.userstasks.web;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import org.userstasks.ops.RequestIds;

/**
 * Builds RFC 9457 problem responses, always as {@code application/problem+json}, each
 * with the {@code requestId} that the server's log lines for the request carry.
 */
final class Problems {

	/**
	 * The detail of a 413: the body was past {@link BodySizeLimit#MAX_BYTES}.
	 */
	static final String TOO_LARGE = "request body is larger than " + BodySizeLimit.MAX_SIZE;

	/**
	 * The detail of a 500, whatever went wrong: the log has the cause.
	 */
	static final String SERVER_ERROR = "the server could not complete the request";

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private Problems() {
	}

	static ResponseEntity<Object> response(HttpStatusCode status, String detail) {
		return response(ProblemDetail.forStatusAndDetail(status, detail), new HttpHeaders());
	}

	static ResponseEntity<Object> response(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(complete(problem));
	}

	/**
	 * The problem with what every problem carries: a type, a detail and the request's id.
	 */
	static ProblemDetail complete(ProblemDetail problem) {
		if (problem.getType() == null) {
			problem.setType(ABOUT_BLANK);
		}
		HttpStatus status = HttpStatus.resolve(problem.getStatus());
		if (problem.getDetail() == null && status != null) {
			problem.setDetail(detail(status));
		}
		String requestId = RequestIds.current();
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

	/**
	 * The detail of an error that has nothing more specific to say.
	 */
	static String detail(HttpStatus status) {
		return switch (status) {
			case CONTENT_TOO_LARGE -> TOO_LARGE;
			case NOT_FOUND -> "no resource at this path";
			case INTERNAL_SERVER_ERROR -> SERVER_ERROR;
			default -> status.getReasonPhrase();
		};
	}

	/**
	 * A 400 with one {@code errors} entry per field; several broken rules of one field
	 * are joined into one message.
	 */
	static ProblemDetail invalid(Collection<FieldError> errors) {
		Map<String, String> byField = new LinkedHashMap<>();
		errors.stream()
			.sorted(java.util.Comparator.comparing(FieldError::field))
			.forEach(
					(error) -> byField.merge(error.field(), error.message(), (a, b) -> a.equals(b) ? a : a + "; " + b));
		List<FieldError> merged = byField.entrySet()
			.stream()
			.map((entry) -> new FieldError(entry.getKey(), entry.getValue()))
			.toList();
		String detail = merged.stream()
			.map((error) -> error.field() + " " + error.message())
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("errors", merged);
		return problem;
	}

}
