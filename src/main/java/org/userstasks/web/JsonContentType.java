package org.userstasks.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the {@code Content-Type} of a request says its body is JSON, as the contract
 * reads it: exactly one media type, {@code application/json} or
 * {@code application/<name>+json}, with or without parameters, written as RFC 9110 has
 * it. A wildcard ({@code *}{@code /*}, {@code application/*},
 * {@code application/*+json}), a malformed value, a parameter without a value, or several
 * types (in one header joined by commas, or in several headers) are not JSON.
 */
final class JsonContentType {

	private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

	private static final String QUOTED = "\"(?:[\\t !#-\\[\\]-~\\x80-\\xFF]|\\\\[\\t -~\\x80-\\xFF])*\"";

	private static final Pattern MEDIA_TYPE = Pattern.compile("(" + TOKEN + ")/(" + TOKEN + ")(?:[ \\t]*;[ \\t]*(?:"
			+ TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))?)*[ \\t]*");

	private static final Pattern JSON_SUBTYPE = Pattern.compile("json|[^*]+\\+json");

	private JsonContentType() {
	}

	/**
	 * @param values every value of the request's {@code Content-Type} headers
	 */
	static boolean isJson(List<String> values) {
		if (values.size() != 1) {
			return false;
		}
		Matcher mediaType = MEDIA_TYPE.matcher(values.get(0));
		return mediaType.matches() && mediaType.group(1).equalsIgnoreCase("application")
				&& JSON_SUBTYPE.matcher(mediaType.group(2).toLowerCase(Locale.ROOT)).matches();
	}

}
