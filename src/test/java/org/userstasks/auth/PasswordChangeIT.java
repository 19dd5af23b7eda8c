package org.userstasks.auth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * A new password needs the current one, and revokes every other token of the user.
 */
@IntegrationTest
class PasswordChangeIT {

	private static final String NEW = "a-new-passphrase";

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	private long alice;

	private String used;

	@BeforeEach
	void seed() {
		this.alice = this.seeds.user("alice");
		this.used = this.seeds.token(this.alice);
	}

	@Test
	void changesThePasswordAndRevokesTheOtherTokensOnly() {
		String other = this.seeds.token(this.alice);
		String another = this.seeds.token(this.alice);
		long bob = this.seeds.user("bob");
		String bobs = this.seeds.token(bob);

		MvcTestResult result = change(this.used, Seeds.PASSWORD, NEW);

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(this.seeds.passwordHash(this.alice)).isNotEqualTo(Seeds.PASSWORD_HASH);
		assertThat(this.api.as(this.used).get("/users")).as("the token used").hasStatus(HttpStatus.OK);
		assertThat(this.api.as(other).get("/users")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.api.as(another).get("/users")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.api.as(bobs).get("/users")).as("another user's").hasStatus(HttpStatus.OK);
		assertThat(this.seeds.tokenCount(this.alice)).isOne();
		assertThat(this.api.post("/tokens", credentials(NEW))).hasStatus(HttpStatus.OK);
		assertThat(this.api.post("/tokens", credentials(Seeds.PASSWORD))).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aUsernameChangeRevokesNothing() {
		String other = this.seeds.token(this.alice);

		assertThat(this.api.as(this.used).patch("/users/" + this.alice, "{\"username\":\"alicia\"}"))
			.hasStatus(HttpStatus.OK);

		assertThat(this.api.as(other).get("/users")).hasStatus(HttpStatus.OK);
	}

	@Test
	void needsTheCurrentPassword() {
		String path = "/users/" + this.alice;

		assertInvalid(this.api.as(this.used).patch(path, "{\"password\":" + Json.quote(NEW) + "}"), path,
				"currentPassword");
		assertInvalid(this.api.as(this.used).patch(path, "{\"currentPassword\":" + Json.quote(Seeds.PASSWORD) + "}"),
				path, "currentPassword");
		assertInvalid(
				this.api.as(this.used)
					.patch(path, "{\"username\":\"alicia\",\"currentPassword\":" + Json.quote(Seeds.PASSWORD) + "}"),
				path, "currentPassword");
		assertInvalid(this.api.as(this.used).patch(path, "{\"password\":\"short\"}"), path, "password",
				"currentPassword");
		assertInvalid(
				this.api.as(this.used).patch(path, "{\"password\":" + Json.quote(NEW) + ",\"currentPassword\":null}"),
				path, "currentPassword");

		assertThat(this.seeds.passwordHash(this.alice)).isEqualTo(Seeds.PASSWORD_HASH);
		assertThat(this.seeds.count("sign_in_failures")).isZero();
	}

	@Test
	void refusesAWrongCurrentPasswordAndCountsItAsAFailedSignIn() {
		String other = this.seeds.token(this.alice);
		String path = "/users/" + this.alice;

		MvcTestResult result = change(this.used, "not-the-password", NEW);

		assertThat(assertProblem(result, HttpStatus.FORBIDDEN, path).get("detail").asString())
			.contains("currentPassword");
		assertThat(this.seeds.passwordHash(this.alice)).isEqualTo(Seeds.PASSWORD_HASH);
		assertThat(this.api.as(other).get("/users")).as("nothing revoked").hasStatus(HttpStatus.OK);
		assertThat(this.jdbc.queryForObject("select failures from sign_in_failures where username_key = 'alice'",
				Integer.class))
			.isOne();
	}

	@Test
	void judgesTheOwnerBeforeTheCurrentPassword() {
		long bob = this.seeds.user("bob");
		String path = "/users/" + this.alice;

		MvcTestResult result = change(this.seeds.token(bob), Seeds.PASSWORD, NEW);

		assertThat(assertProblem(result, HttpStatus.FORBIDDEN, path).get("detail").asString())
			.isEqualTo("user " + this.alice + " can be changed only by that user");
		assertThat(this.seeds.count("sign_in_failures")).as("not a failed sign-in of alice").isZero();
	}

	@Test
	void aWrongCurrentPasswordAndAUsernameTakenChangeNothing() {
		this.seeds.user("bob");

		assertThat(this.api.as(this.used)
			.patch("/users/" + this.alice, "{\"username\":\"BOB\",\"password\":" + Json.quote(NEW)
					+ ",\"currentPassword\":\"wrong-password\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(
				this.api.as(this.used)
					.patch("/users/" + this.alice, "{\"username\":\"BOB\",\"password\":" + Json.quote(NEW)
							+ ",\"currentPassword\":" + Json.quote(Seeds.PASSWORD) + "}"))
			.hasStatus(HttpStatus.CONFLICT);

		assertThat(this.seeds.passwordHash(this.alice)).isEqualTo(Seeds.PASSWORD_HASH);
		assertThat(this.api.as(this.used).get("/users/" + this.alice)).bodyJson()
			.extractingPath("$.username")
			.isEqualTo("alice");
	}

	private MvcTestResult change(String token, String current, String password) {
		return this.api.as(token)
			.patch("/users/" + this.alice,
					"{\"password\":" + Json.quote(password) + ",\"currentPassword\":" + Json.quote(current) + "}");
	}

	private static String credentials(String password) {
		return "{\"username\":\"alice\",\"password\":" + Json.quote(password) + "}";
	}

}
