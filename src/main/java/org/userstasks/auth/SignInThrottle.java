package org.userstasks.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Throttles failed sign-ins per username, ignoring case, whether or not the user exists:
 * after {@code freeFailures} failures in a row, an attempt must wait {@code firstWait}
 * after the last failure, doubled with each further failure, up to {@code longestWait}. A
 * refused attempt changes nothing, so it does not lengthen the wait.
 */
@Component
class SignInThrottle {

	// Longer names cannot exist (usernames are at most 50 characters): they are keyed by
	// their hash, so the column stays short.
	private static final int LONGEST_KEY = 50;

	private final SignInFailures failures;

	private final AuthProperties properties;

	private final Clock clock;

	SignInThrottle(SignInFailures failures, AuthProperties properties, Clock clock) {
		this.failures = failures;
		this.properties = properties;
		this.clock = clock;
	}

	static String key(String username) {
		String lower = username.toLowerCase(Locale.ROOT);
		if (lower.length() <= LONGEST_KEY) {
			return lower;
		}
		return "sha256:" + TokenHashes.hash(lower);
	}

	/**
	 * Refuses the attempt with {@link TooManyFailedSignIns} while the username must wait;
	 * otherwise tells whether there are failures to reset on success.
	 */
	boolean check(String key) {
		Optional<SignInFailures.Streak> streak = this.failures.find(key);
		if (streak.isEmpty()) {
			return false;
		}
		Duration left = waitLeft(streak.get(), this.clock.instant());
		if (!left.isNegative() && !left.isZero()) {
			throw new TooManyFailedSignIns(left);
		}
		return true;
	}

	void failed(String key) {
		this.failures.add(key, this.clock.instant());
	}

	void succeeded(String key) {
		this.failures.reset(key);
	}

	Duration waitLeft(SignInFailures.Streak streak, Instant now) {
		int beyond = streak.failures() - this.properties.freeFailures();
		if (beyond < 0) {
			return Duration.ZERO;
		}
		Duration longest = this.properties.longestWait();
		Duration wait = this.properties.firstWait();
		for (int i = 0; i < beyond && wait.compareTo(longest) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		if (wait.compareTo(longest) > 0) {
			wait = longest;
		}
		return Duration.between(now, streak.lastFailureAt().plus(wait));
	}

}
