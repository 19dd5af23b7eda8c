package org.userstasks.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own errors (validation, type mismatches, unreadable bodies, unsupported
 * methods and media types, ...) as problem+json. The other errors have their own
 * handlers: {@link DomainErrors}, {@link RequestErrors}, {@link ServerErrors}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final Pattern DIGITS = Pattern.compile("-?[0-9]+");

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
				: integerMessage(name, ex.getValue(), type);
		return Problems.response(Problems.invalid(List.of(new FieldError(name, message))), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return Problems.response(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE,
				"responses are application/json (errors application/problem+json); the Accept header allows neither"),
				new HttpHeaders());
	}

	// An integer too large for its type (a 20-digit id) is one, so say what is wrong with
	// it rather than "must be an integer".
	private static String integerMessage(String name, Object value, Class<?> type) {
		if (!(value instanceof String text) || !DIGITS.matcher(text).matches()) {
			return "must be an integer";
		}
		if ("limit".equals(name)) {
			return PageLimit.MESSAGE;
		}
		boolean isInt = type == Integer.class || type == int.class;
		String bound = text.startsWith("-") ? "at least " + (isInt ? Integer.MIN_VALUE : Long.MIN_VALUE)
				: "at most " + (isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
		return "is out of range: must be " + bound;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof PayloadTooLarge) {
				return Problems.response(HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE);
			}
			if (cause instanceof JacksonException json) {
				return Problems.response(JsonErrors.problem(json), headers);
			}
			cause = cause.getCause();
		}
		return Problems.response(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "request body is missing"),
				headers);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (statusCode.is5xxServerError()) {
			// Such as a response that could not be written: the client sees only the
			// problem, the log has the cause.
			log.error("Request failed", ex);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail : ProblemDetail.forStatus(statusCode);
		return Problems.response(problem, headers);
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
