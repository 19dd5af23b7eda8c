package org.userstasks.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every error of the API to a problem+json response, in one place. Messages are
 * written here, never copied from an exception, so no class name, SQL or stack trace
 * reaches a client.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt", "userId");

	@ExceptionHandler
	ResponseEntity<Object> notFound(NotFound ex) {
		return Problems.response(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Object> forbidden(Forbidden ex) {
		return Problems.response(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Object> conflict(Conflict ex) {
		return Problems.response(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Object> nullProperty(NullProperty ex) {
		List<FieldError> errors = ex.fields()
			.stream()
			.map((field) -> new FieldError(field, "must not be null"))
			.toList();
		return Problems.response(Problems.invalid(errors), new HttpHeaders());
	}

	@ExceptionHandler
	ResponseEntity<Object> tooLarge(PayloadTooLarge ex) {
		return Problems.response(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
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

	/**
	 * The database did not answer in time: a lock held too long by another transaction, a
	 * statement past the transaction timeout, no free connection. Nothing was changed,
	 * and the same request may well succeed a moment later.
	 */
	@ExceptionHandler({ PessimisticLockingFailureException.class, QueryTimeoutException.class,
			TransactionTimedOutException.class, CannotCreateTransactionException.class })
	ResponseEntity<Object> databaseBusy(Exception ex) {
		log.warn("Database busy: {}", ex.toString());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return Problems.response(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"the database is busy; nothing was changed, try again"), headers);
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "the server could not complete the request");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return Problems.response(Problems.invalid(fieldErrors(ex.getBindingResult())), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors bean) {
				errors.addAll(fieldErrors(bean));
			}
			else {
				String name = parameterName(result);
				for (MessageSourceResolvable error : result.getResolvableErrors()) {
					errors.add(new FieldError(name, error.getDefaultMessage()));
				}
			}
		}
		return Problems.response(Problems.invalid(errors), headers);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		Class<?> type = ex.getRequiredType();
		String message = (type == Boolean.class || type == boolean.class) ? "must be true or false"
				: "must be an integer";
		return Problems.response(Problems.invalid(List.of(new FieldError(name, message))), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof PayloadTooLarge tooLarge) {
				return tooLarge(tooLarge);
			}
			if (cause instanceof JacksonException json) {
				return Problems.response(unreadableJson(json), headers);
			}
			cause = cause.getCause();
		}
		return Problems.response(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "request body is missing"),
				headers);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (statusCode.is5xxServerError()) {
			// Such as a response that could not be written: the client sees only the
			// problem, the log has the cause.
			log.error("Request failed", ex);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail : ProblemDetail.forStatus(statusCode);
		return Problems.response(problem, headers);
	}

	private static ProblemDetail unreadableJson(JacksonException ex) {
		String field = ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
			.orElse(null);
		if (field == null) {
			String detail = (ex instanceof MismatchedInputException) ? "request body must be a JSON object"
					: "request body is not valid JSON";
			return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		}
		return Problems.invalid(List.of(new FieldError(field, fieldMessage(ex, field))));
	}

	private static String fieldMessage(JacksonException ex, String field) {
		if (ex instanceof UnrecognizedPropertyException) {
			return READ_ONLY.contains(field) ? "is not writable" : "is not a known property";
		}
		if (ex instanceof InvalidNullException) {
			return "must not be null";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "must be " + jsonType(mismatch.getTargetType());
		}
		return "is not a valid value";
	}

	private static String jsonType(Class<?> type) {
		if (type == Boolean.class || type == boolean.class) {
			return "a boolean";
		}
		if (type == String.class) {
			return "a string";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "an integer";
		}
		return "a valid value";
	}

	private static List<FieldError> fieldErrors(Errors result) {
		return result.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(), error.getDefaultMessage()))
			.toList();
	}

	private static String parameterName(ParameterValidationResult result) {
		String name = result.getMethodParameter().getParameterName();
		return (name != null) ? name : "parameter";
	}

}
