package org.userstasks.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query and path values parse exactly or fail with a 400: {@code completed=yes} or an
 * empty {@code limit=} is an error, never a silent default. (Spring's own editors read an
 * empty value as absent and "yes" or "1" as true.)
 */
@ControllerAdvice
class StrictParameters {

	@InitBinder
	void strictValues(WebDataBinder binder) {
		binder.registerCustomEditor(Long.class, new StrictEditor(StrictParameters::parseLong));
		binder.registerCustomEditor(Integer.class, new StrictEditor(StrictParameters::parseInt));
		binder.registerCustomEditor(long.class, new StrictEditor(StrictParameters::parseLong));
		binder.registerCustomEditor(int.class, new StrictEditor(StrictParameters::parseInt));
		binder.registerCustomEditor(Boolean.class, new StrictEditor(StrictParameters::parseBoolean));
	}

	// Long.valueOf also takes "+1" and digits of other scripts ("١٢"); the contract's
	// integers are plain ASCII.
	private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

	private static Long parseLong(String value) {
		return Long.valueOf(asciiInteger(value));
	}

	private static Integer parseInt(String value) {
		return Integer.valueOf(asciiInteger(value));
	}

	private static String asciiInteger(String value) {
		if (!INTEGER.matcher(value).matches()) {
			throw new IllegalArgumentException("not an integer");
		}
		return value;
	}

	private static Boolean parseBoolean(String value) {
		return switch (value) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw new IllegalArgumentException("not true or false");
		};
	}

	private static final class StrictEditor extends PropertyEditorSupport {

		private final Function<String, Object> parser;

		StrictEditor(Function<String, Object> parser) {
			this.parser = parser;
		}

		@Override
		public void setAsText(String text) {
			setValue(this.parser.apply(text));
		}

	}

}
