package org.userstasks.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must never leave the service: an access token (except in the response that issues
 * it), a password hash, a password that a request sent. {@link Api} and {@link Http}
 * check every response of every test against it.
 */
public final class Secrets {

	/** An access token as the service issues them. */
	public static final Pattern TOKEN = Pattern.compile("ut_[A-Za-z0-9_-]{43}");

	/** An Argon2 hash, or its encoded parameters. */
	public static final Pattern HASH = Pattern.compile("\\$argon2");

	private Secrets() {
	}

	/**
	 * Asserts that the text shows no token, hash or given password.
	 */
	public static void assertNoneIn(String where, String text, List<String> passwords) {
		assertThat(TOKEN.matcher(text).find()).as("a token in %s: %s", where, text).isFalse();
		assertThat(HASH.matcher(text).find()).as("a password hash in %s: %s", where, text).isFalse();
		for (String password : passwords) {
			assertThat(text).as("a password in %s", where).doesNotContain(password);
		}
	}

	/**
	 * The passwords a JSON request body carries (in {@code password} or
	 * {@code currentPassword}), if it is JSON at all; short ones are left out, as they
	 * could appear by chance.
	 */
	public static List<String> passwordsIn(String body) {
		List<String> passwords = new ArrayList<>();
		if (body == null || body.isBlank()) {
			return passwords;
		}
		try {
			JsonNode json = Json.parse(body);
			for (String field : List.of("password", "currentPassword")) {
				JsonNode value = json.path(field);
				if (value.isString() && value.asString().length() >= 8) {
					passwords.add(value.asString());
				}
			}
		}
		catch (RuntimeException ex) {
			// Not JSON: nothing the service could have read as a password.
		}
		return passwords;
	}

}
