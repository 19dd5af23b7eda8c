package org.userstasks.user;

import java.util.concurrent.Semaphore;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id hashes (salted, memory-hard). Each hash takes about 16 MiB, so the number
 * hashed at once is bounded to keep memory flat under a burst of sign-ups. BCrypt is not
 * used because it ignores everything past 72 bytes, and passwords here may be up to 128
 * characters.
 */
@Component
class PasswordHasher {

	private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	private final Semaphore permits = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

	String hash(String password) {
		this.permits.acquireUninterruptibly();
		try {
			return this.encoder.encode(password);
		}
		finally {
			this.permits.release();
		}
	}

	boolean matches(String password, String hash) {
		return this.encoder.matches(password, hash);
	}

}
