package org.userstasks.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Tokens and their stored form. A token is {@code ut_} and 32 random bytes in base64url;
 * the database keeps only its SHA-256 in lower-case hex. A plain hash is enough (no salt,
 * no stretching): the token has 256 bits of randomness, so there is nothing to guess.
 */
final class TokenHashes {

	static final String PREFIX = "ut_";

	// ut_ and 43 base64url characters (32 bytes, no padding).
	private static final Pattern SHAPE = Pattern.compile("ut_[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenHashes() {
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Whether a string can be a token at all: anything else is refused without a query.
	 */
	static boolean isWellFormed(String token) {
		return SHAPE.matcher(token).matches();
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

}
