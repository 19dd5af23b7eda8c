package org.userstasks.user;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.testing.ProblemAssertions.assertInvalid;
import static org.userstasks.testing.ProblemAssertions.assertProblem;

/**
 * Usernames: trimmed, 1 to 50 characters, a small ASCII alphabet, unique ignoring case.
 */
@IntegrationTest
class UsernameRulesIT {

	private static final String FIFTY = "a".repeat(50);

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void storesTheUsernameTrimmedWithItsCase() {
		MvcTestResult result = this.api.post("/users", body("  Alice.B_c-9\t "));

		assertThat(result).hasStatus(HttpStatus.CREATED);
		long id = Json.body(result).get("id").asLong();
		assertThat(result).bodyJson().extractingPath("$.username").isEqualTo("Alice.B_c-9");
		assertThat(storedUsername(id)).isEqualTo("Alice.B_c-9");
	}

	@Test
	void acceptsOneToFiftyCharactersAfterTrimming() {
		assertThat(this.api.post("/users", body("x"))).hasStatus(HttpStatus.CREATED);
		MvcTestResult fifty = this.api.post("/users", body("  " + FIFTY + "  "));

		assertThat(fifty).hasStatus(HttpStatus.CREATED);
		assertThat(storedUsername(Json.body(fifty).get("id").asLong())).isEqualTo(FIFTY);
	}

	static Stream<String> invalidUsernames() {
		return Stream.of("", "   ", "\t", FIFTY + "b", "a b", "bäcker", "a@b", "a/b", "a+b", "<b>", "a\u0000b");
	}

	@ParameterizedTest
	@MethodSource("invalidUsernames")
	void rejectsAnInvalidUsernameAndStoresNothing(String username) {
		assertInvalid(this.api.post("/users", body(username)), "/users", "username");

		assertThat(this.seeds.count("users")).isZero();
	}

	@ParameterizedTest
	@MethodSource("invalidUsernames")
	void rejectsAnInvalidUsernameOnPatchAndKeepsTheOldOne(String username) {
		long id = this.seeds.user("alice");

		assertInvalid(
				this.api.as(this.seeds.token(id)).patch("/users/" + id, "{\"username\":" + Json.quote(username) + "}"),
				"/users/" + id, "username");

		assertThat(storedUsername(id)).isEqualTo("alice");
	}

	@Test
	void reportsSeveralBrokenRulesOfTheUsernameAsOneEntry() {
		// Too long and with characters outside the alphabet.
		assertInvalid(this.api.post("/users", body("@".repeat(51))), "/users", "username");
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice", "ALICE", "Alice", " aLiCe " })
	void isUniqueIgnoringCaseOnCreate(String username) {
		this.seeds.user("alice");

		assertProblem(this.api.post("/users", body(username)), HttpStatus.CONFLICT, "/users");

		assertThat(this.seeds.count("users")).isOne();
	}

	@Test
	void isUniqueIgnoringCaseOnPatch() {
		this.seeds.user("alice");
		long bob = this.seeds.user("bob");

		assertProblem(this.api.as(this.seeds.token(bob)).patch("/users/" + bob, "{\"username\":\" ALICE \"}"),
				HttpStatus.CONFLICT, "/users/" + bob);

		assertThat(storedUsername(bob)).isEqualTo("bob");
	}

	@Test
	void letsAUserChangeTheCaseOfItsOwnName() {
		long id = this.seeds.user("alice");

		assertThat(this.api.as(this.seeds.token(id)).patch("/users/" + id, "{\"username\":\"Alice\"}"))
			.hasStatus(HttpStatus.OK);

		assertThat(storedUsername(id)).isEqualTo("Alice");
	}

	@Test
	void freesTheNameOfADeletedUser() {
		long id = this.seeds.user("alice");
		assertThat(this.api.as(this.seeds.token(id)).delete("/users/" + id)).hasStatus(HttpStatus.NO_CONTENT);

		assertThat(this.api.post("/users", body("ALICE"))).hasStatus(HttpStatus.CREATED);
	}

	private String storedUsername(long id) {
		return this.jdbc.queryForObject("select username from users where id = ?", String.class, id);
	}

	private static String body(String username) {
		return "{\"username\":" + Json.quote(username) + ",\"password\":\"password1\"}";
	}

}
