package org.userstasks.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.testing.ProblemAssertions.assertInvalid;

/**
 * Passwords: 8 to 128 characters, stored only as an Argon2id hash.
 */
@IntegrationTest
class PasswordRulesIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@BeforeEach
	void reset() {
		this.seeds.reset();
	}

	// Found by fuzzing: a lone surrogate must not be hashed as a replacement character.
	@Test
	void refusesAPasswordWithAnUnpairedSurrogate() {
		assertInvalid(this.api.post("/users", "{\"username\":\"halves\",\"password\":\"\\udfffpassword\"}"), "/users",
				"password");
		assertThat(this.seeds.count("users")).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 8, 128 })
	void acceptsEightToOneHundredTwentyEightCharacters(int length) {
		assertThat(this.api.post("/users", body("alice", "p".repeat(length)))).hasStatus(HttpStatus.CREATED);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 7, 129 })
	void rejectsAPasswordOfAnotherLengthAndStoresNothing(int length) {
		assertInvalid(this.api.post("/users", body("alice", "p".repeat(length))), "/users", "password");

		assertThat(this.seeds.count("users")).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 7, 129 })
	void rejectsAPasswordOfAnotherLengthOnPatch(int length) {
		long id = this.seeds.user("alice");

		assertInvalid(this.api.patch("/users/" + id, "{\"password\":" + Json.quote("p".repeat(length)) + "}"),
				"/users/" + id, "password");

		assertThat(this.seeds.passwordHash(id)).isEqualTo(Seeds.PASSWORD_HASH);
	}

	@Test
	void requiresUsernameAndPassword() {
		assertInvalid(this.api.post("/users", "{\"password\":\"password1\"}"), "/users", "username");
		assertInvalid(this.api.post("/users", "{\"username\":\"alice\"}"), "/users", "password");
		assertInvalid(this.api.post("/users", "{}"), "/users", "username", "password");

		assertThat(this.seeds.count("users")).isZero();
	}

	@Test
	void reportsEachBadFieldOnce() {
		assertInvalid(this.api.post("/users", body("a b", "short")), "/users", "username", "password");
	}

	@Test
	void storesAnArgon2idHashOfThePassword() {
		MvcTestResult result = this.api.post("/users", body("alice", "correct horse battery"));
		long id = Json.body(result).get("id").asLong();

		String hash = this.seeds.passwordHash(id);

		assertThat(hash).startsWith("$argon2id$").doesNotContain("correct horse battery");
		assertThat(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().matches("correct horse battery", hash))
			.isTrue();
	}

	@Test
	void saltsEveryHash() {
		long alice = Json.body(this.api.post("/users", body("alice", "same password"))).get("id").asLong();
		long bob = Json.body(this.api.post("/users", body("bob", "same password"))).get("id").asLong();

		assertThat(this.seeds.passwordHash(alice)).isNotEqualTo(this.seeds.passwordHash(bob));
	}

	private static String body(String username, String password) {
		return "{\"username\":" + Json.quote(username) + ",\"password\":" + Json.quote(password) + "}";
	}

}
