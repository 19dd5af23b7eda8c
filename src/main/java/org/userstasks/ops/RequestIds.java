package org.userstasks.ops;

import org.slf4j.MDC;

/**
 * The id of the request being handled: taken from a well-formed {@code X-Request-Id}
 * header or generated, echoed in the response, and put in the logging context under
 * {@code requestId} for every log line written while the request runs.
 */
public final class RequestIds {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "requestId";

	private static final int MAX_LENGTH = 64;

	private RequestIds() {
	}

	/**
	 * The id of the request this thread is handling, or {@code null} outside a request.
	 */
	public static String current() {
		return MDC.get(MDC_KEY);
	}

	/**
	 * Whether a client's id can be used as is: 1 to 64 of {@code [A-Za-z0-9._-]}, so it
	 * is safe to echo in a header and to write in a log line.
	 */
	static boolean isWellFormed(String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
