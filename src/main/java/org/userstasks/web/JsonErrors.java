package org.userstasks.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Translates a body that Jackson could not read into a 400: one {@code errors} entry for
 * the property at fault when there is one, else what is wrong with the body as a whole.
 * Property names that are read-only come from the body's own type
 * ({@link ReadOnlyProperties}).
 */
final class JsonErrors {

	private JsonErrors() {
	}

	static ProblemDetail problem(JacksonException ex) {
		String field = field(ex);
		if (field == null) {
			String detail = (ex instanceof MismatchedInputException) ? "request body must be a JSON object"
					: "request body is not valid JSON";
			return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		}
		return Problems.invalid(List.of(new FieldError(field, message(ex, field))));
	}

	private static @Nullable String field(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
			.orElse(null);
	}

	private static String message(JacksonException ex, String field) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return isReadOnly(unknown.getReferringClass(), field) ? "is not writable" : "is not a known property";
		}
		if (ex instanceof InvalidNullException) {
			return "must not be null";
		}
		if (ex instanceof InputCoercionException coercion && coercion.getInputType() == JsonToken.VALUE_NUMBER_INT) {
			boolean isInt = coercion.getTargetType() == Integer.class || coercion.getTargetType() == int.class;
			return "is out of range: must be at most " + (isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "must be " + jsonType(mismatch.getTargetType());
		}
		return "is not a valid value";
	}

	private static boolean isReadOnly(@Nullable Class<?> body, String field) {
		ReadOnlyProperties readOnly = (body != null) ? body.getAnnotation(ReadOnlyProperties.class) : null;
		return readOnly != null && List.of(readOnly.value()).contains(field);
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

}
