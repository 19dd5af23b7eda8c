package org.userstasks.auth;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired tokens and forgotten sign-in failures, in bounded batches (each batch a
 * short transaction of its own). Every instance runs it; the deletes are idempotent, so
 * running it on all of them at once costs only some empty deletes.
 */
@Component
class TokenCleanup {

	private static final Logger log = LoggerFactory.getLogger(TokenCleanup.class);

	private final TokenStore tokens;

	private final SignInFailures failures;

	private final AuthProperties properties;

	private final Clock clock;

	TokenCleanup(TokenStore tokens, SignInFailures failures, AuthProperties properties, Clock clock) {
		this.tokens = tokens;
		this.failures = failures;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${app.security.cleanup-interval:10m}",
			fixedDelayString = "${app.security.cleanup-interval:10m}")
	void run() {
		try {
			int batch = this.properties.cleanupBatch();
			long expired = 0;
			int deleted;
			do {
				deleted = this.tokens.deleteExpired(this.clock.instant(), batch);
				expired += deleted;
			}
			while (deleted == batch);
			long forgotten = 0;
			do {
				deleted = this.failures.deleteOlderThan(this.clock.instant().minus(this.properties.failureMemory()),
						batch);
				forgotten += deleted;
			}
			while (deleted == batch);
			log.debug("Deleted {} expired tokens and {} forgotten sign-in failures", expired, forgotten);
		}
		catch (RuntimeException ex) {
			// The next run tries again; a busy database is no reason to stop the job.
			log.warn("Token clean-up failed: {}", ex.toString());
		}
	}

}
