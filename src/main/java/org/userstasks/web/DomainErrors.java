package org.userstasks.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import org.userstasks.kernel.Conflict;
import org.userstasks.kernel.NotFound;
import org.userstasks.kernel.VersionMismatch;

/**
 * The one place where the domain's kinds of failure become statuses: the features raise
 * them without knowing of HTTP, and this layer never names a feature's exception.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DomainErrors {

	@ExceptionHandler
	ResponseEntity<Object> notFound(NotFound ex) {
		return Problems.response(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Object> conflict(Conflict ex) {
		return Problems.response(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Object> preconditionFailed(VersionMismatch ex) {
		return Problems.response(HttpStatus.PRECONDITION_FAILED,
				ex.getMessage() + " in If-Match; nothing was changed (GET it for its current ETag)");
	}

}
