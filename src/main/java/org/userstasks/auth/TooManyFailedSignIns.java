package org.userstasks.auth;

import java.time.Duration;

/**
 * A sign-in refused without checking its password: the username has failed too often in a
 * row and must wait (429).
 */
public class TooManyFailedSignIns extends RuntimeException {

	private final Duration retryAfter;

	TooManyFailedSignIns(Duration retryAfter) {
		super("too many failed sign-ins", null, false, false);
		this.retryAfter = retryAfter;
	}

	/**
	 * Whole seconds to wait, rounded up.
	 */
	long retryAfterSeconds() {
		long seconds = this.retryAfter.toSeconds();
		return (this.retryAfter.compareTo(Duration.ofSeconds(seconds)) > 0) ? seconds + 1 : Math.max(seconds, 1);
	}

}
