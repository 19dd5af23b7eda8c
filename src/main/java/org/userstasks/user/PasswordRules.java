package org.userstasks.user;

final class PasswordRules {

	static final String SIZE_MESSAGE = "must be 8 to 128 characters";

	// A password is hashed from its UTF-8 bytes, and an unpaired surrogate (half of a
	// pair, sent alone as a JSON escape) has none: the hasher failed on it.
	static final String PATTERN = "[^\\p{Cs}]*";

	static final String PATTERN_MESSAGE = "must not contain unpaired surrogates";

	private PasswordRules() {
	}

}
