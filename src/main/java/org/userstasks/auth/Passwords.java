package org.userstasks.auth;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id hashes (salted, memory-hard). Each hash or check takes about 16 MiB and 100 ms
 * of a core, so only {@code app.security.password-checks} run at once: a burst of
 * sign-ins or sign-ups waits its turn (at most {@code password-check-wait}, then 503)
 * instead of exhausting the heap. BCrypt is not used because it ignores everything past
 * 72 bytes, and passwords here may be up to 128 characters.
 */
@Component
public class Passwords {

	private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	private final Semaphore permits;

	private final long waitNanos;

	private final SignInThrottle throttle;

	// Checked instead of a stored hash when the username does not exist, so that an
	// unknown username takes as long as a wrong password.
	private final String dummyHash;

	Passwords(AuthProperties properties, SignInThrottle throttle) {
		this.permits = new Semaphore(properties.passwordChecks(), true);
		this.waitNanos = properties.passwordCheckWait().toNanos();
		this.throttle = throttle;
		this.dummyHash = this.encoder.encode(TokenHashes.newToken());
	}

	/**
	 * The hash to store for a new password.
	 */
	public String hash(String password) {
		return bounded(() -> this.encoder.encode(password));
	}

	/**
	 * Checks the password in force before a password change. A wrong one counts as a
	 * failed sign-in of the user; while the user must wait after failures, the password
	 * is not checked at all.
	 * @throws WrongCurrentPassword when it is wrong
	 * @throws TooManyFailedSignIns while the username must wait
	 */
	public void checkCurrent(String username, String currentPassword, String storedHash) {
		String key = SignInThrottle.key(username);
		this.throttle.check(key);
		if (!matches(currentPassword, storedHash)) {
			this.throttle.failed(key);
			throw new WrongCurrentPassword();
		}
	}

	boolean matches(String password, String hash) {
		return bounded(() -> {
			try {
				return this.encoder.matches(password, (hash != null) ? hash : this.dummyHash);
			}
			catch (IllegalArgumentException ex) {
				// Not encodable as UTF-8 (an unpaired surrogate): no stored password is.
				return false;
			}
		}) && hash != null;
	}

	private <T> T bounded(Supplier<T> work) {
		try {
			if (!this.permits.tryAcquire(this.waitNanos, TimeUnit.NANOSECONDS)) {
				throw new PasswordChecksBusy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PasswordChecksBusy();
		}
		try {
			return work.get();
		}
		finally {
			this.permits.release();
		}
	}

}
