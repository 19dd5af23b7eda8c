package org.userstasks.user;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.testing.ProblemAssertions.assertProblem;

/**
 * The 404 and 409 rows of the {@code /users} endpoints.
 */
@IntegrationTest
class UserEndpointErrorsIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Test
	void namesTheMissingUserOnEveryEndpoint() {
		long missing = this.seeds.user("gone");
		this.seeds.reset();
		Api asAlice = this.api.as(this.seeds.token(this.seeds.user("alice")));

		String path = "/users/" + missing;
		String detail = "user " + missing + " not found";
		assertNotFound(asAlice.get(path), path, detail);
		assertNotFound(asAlice.get(path + "?include=tasks"), path, detail);
		assertNotFound(asAlice.patch(path, "{\"username\":\"bob\"}"), path, detail);
		assertNotFound(asAlice.delete(path), path, detail);
		assertNotFound(asAlice.get(path + "/tasks"), path + "/tasks", detail);
		assertNotFound(asAlice.post(path + "/tasks", "{\"title\":\"t\"}"), path + "/tasks", detail);
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void refusesATakenUsernameOnCreate() {
		this.seeds.user("alice");

		JsonNode problem = assertProblem(this.api.post("/users", "{\"username\":\"alice\",\"password\":\"password1\"}"),
				HttpStatus.CONFLICT, "/users");

		assertThat(problem.get("detail").asString()).contains("alice");
		assertThat(this.seeds.count("users")).isOne();
	}

	@Test
	void refusesATakenUsernameOnPatch() {
		this.seeds.user("alice");
		long bob = this.seeds.user("bob");
		Api asBob = this.api.as(this.seeds.token(bob));

		assertProblem(asBob.patch("/users/" + bob, "{\"username\":\"Alice\"}"), HttpStatus.CONFLICT, "/users/" + bob);

		assertThat(asBob.get("/users/" + bob)).bodyJson().extractingPath("$.username").isEqualTo("bob");
	}

	@Test
	void keepsThePasswordWhenTheNewUsernameIsTaken() {
		this.seeds.user("alice");
		long bob = this.seeds.user("bob");

		assertProblem(this.api.as(this.seeds.token(bob))
			.patch("/users/" + bob, "{\"username\":\"alice\",\"password\":\"new-password\",\"currentPassword\":"
					+ Json.quote(Seeds.PASSWORD) + "}"),
				HttpStatus.CONFLICT, "/users/" + bob);

		assertThat(this.seeds.passwordHash(bob)).isEqualTo(Seeds.PASSWORD_HASH);
	}

	@Test
	void changesNothingWhenOneFieldOfAPatchIsInvalid() {
		long bob = this.seeds.user("bob");
		Api asBob = this.api.as(this.seeds.token(bob));

		assertThat(asBob.patch("/users/" + bob, "{\"username\":\"robert\",\"password\":\"short\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);

		assertThat(asBob.get("/users/" + bob)).bodyJson().extractingPath("$.username").isEqualTo("bob");
		assertThat(this.seeds.passwordHash(bob)).isEqualTo(Seeds.PASSWORD_HASH);
	}

	@Test
	void acceptsTheLargestIdAndNamesItWhenMissing() {
		String path = "/users/" + Long.MAX_VALUE;

		assertNotFound(this.api.as(this.seeds.token(this.seeds.user("alice"))).get(path), path,
				"user " + Long.MAX_VALUE + " not found");
	}

	private static void assertNotFound(MvcTestResult result, String path, String detail) {
		assertThat(assertProblem(result, HttpStatus.NOT_FOUND, path).get("detail").asString()).isEqualTo(detail);
	}

}
