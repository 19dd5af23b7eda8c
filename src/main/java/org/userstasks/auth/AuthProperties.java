package org.userstasks.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings ({@code app.security.*}).
 *
 * @param tokenTtl how long a token works after it is issued (not extended by use)
 * @param maxTokensPerUser live tokens kept per user; the oldest go when one more is
 * issued
 * @param freeFailures failed sign-ins in a row that are not throttled
 * @param firstWait the wait after the last free failure, doubled by each further one
 * @param longestWait the longest wait
 * @param failureMemory a username's failures are forgotten this long after the last one
 * @param passwordChecks password hashes computed or verified at once (each takes about 16
 * MiB)
 * @param passwordCheckWait how long a sign-in waits for its turn before it gets a 503
 * @param cleanupBatch rows the clean-up job deletes per statement
 */
@ConfigurationProperties("app.security")
public record AuthProperties(@DefaultValue("12h") Duration tokenTtl, @DefaultValue("20") int maxTokensPerUser,
		@DefaultValue("5") int freeFailures, @DefaultValue("1s") Duration firstWait,
		@DefaultValue("15m") Duration longestWait, @DefaultValue("1d") Duration failureMemory,
		@DefaultValue("2") int passwordChecks, @DefaultValue("5s") Duration passwordCheckWait,
		@DefaultValue("1000") int cleanupBatch) {

	public AuthProperties {
		if (tokenTtl.isNegative() || tokenTtl.isZero() || maxTokensPerUser < 1 || freeFailures < 0
				|| firstWait.isNegative() || longestWait.compareTo(firstWait) < 0 || passwordChecks < 1
				|| cleanupBatch < 1) {
			throw new IllegalArgumentException("app.security: invalid settings");
		}
	}

}
