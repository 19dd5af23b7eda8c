package org.userstasks.ops;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
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
	public static @Nullable String current() {
		return MDC.get(MDC_KEY);
	}

	/**
	 * A random (version 4) UUID. An id must be unique, not unguessable, so it is drawn
	 * from the thread's own generator rather than the shared, locked SecureRandom of
	 * {@link UUID#randomUUID()}.
	 */
	static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(0b11L << 62)) | (0b10L << 62);
		return new UUID(high, low).toString();
	}

	/**
	 * Whether a client's id can be used as is: 1 to 64 of {@code [A-Za-z0-9._-]}, so it
	 * is safe to echo in a header and to write in a log line.
	 */
	static boolean isWellFormed(@Nullable String id) {
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
