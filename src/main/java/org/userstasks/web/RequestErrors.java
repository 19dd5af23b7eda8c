package org.userstasks.web;

import java.util.List;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Requests that this layer's own checks refuse: a {@code null} in a body, a body past the
 * size limit, a query string the container could not parse.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestErrors {

	@ExceptionHandler
	ResponseEntity<Object> nullProperty(NullProperty ex) {
		List<FieldError> errors = ex.fields()
			.stream()
			.map((field) -> new FieldError(field, "must not be null"))
			.toList();
		return Problems.response(Problems.invalid(errors), new HttpHeaders());
	}

	@ExceptionHandler
	ResponseEntity<Object> malformedHeader(MalformedHeader ex) {
		return Problems.response(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Object> tooLarge(PayloadTooLarge ex) {
		return Problems.response(HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE);
	}

	// Tomcat parses the query string on first use: bad percent-encoding or too many
	// parameters surface here, while a controller's parameters are resolved.
	@ExceptionHandler
	ResponseEntity<Object> unreadableQuery(InvalidParameterException ex) {
		HttpStatus status = HttpStatus.resolve(ex.getErrorCode());
		if (status == null || !status.is4xxClientError()) {
			status = HttpStatus.BAD_REQUEST;
		}
		return Problems.response(status, "the query string could not be parsed");
	}

}
