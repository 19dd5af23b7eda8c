package org.userstasks.web;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.testing.ProblemAssertions.assertInvalid;

/**
 * A query or path value of the wrong type or out of range is a 400 naming the parameter,
 * never a silent default.
 */
@IntegrationTest
class QueryParametersIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	private long alice;

	private Api asAlice;

	@BeforeEach
	void seed() {
		this.alice = this.seeds.user("alice");
		this.asAlice = this.api.as(this.seeds.token(this.alice));
		this.seeds.tasks(this.alice, 3);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			limit=0           | limit
			limit=1001        | limit
			limit=-5          | limit
			limit=abc         | limit
			limit=            | limit
			limit=1.5         | limit
			limit=+5          | limit
			limit=99999999999 | limit
			after=-1          | after
			after=abc         | after
			after=            | after
			include=foo       | include
			include=          | include
			include=TASKS     | include
			""")
	void rejectsABadParameterOfTheUserList(String query, String parameter) {
		assertInvalid(this.asAlice.get("/users?" + query), "/users", parameter);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			limit=0           | limit
			limit=1001        | limit
			limit=abc         | limit
			limit=            | limit
			after=-1          | after
			completed=maybe   | completed
			completed=        | completed
			completed=1       | completed
			completed=TRUE    | completed
			userId=abc        | userId
			userId=0          | userId
			userId=-3         | userId
			userId=           | userId
			""")
	void rejectsABadParameterOfTheTaskList(String query, String parameter) {
		assertInvalid(this.asAlice.get("/tasks?" + query), "/tasks", parameter);
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=1001", "limit=", "after=-1", "completed=maybe", "completed=yes" })
	void rejectsABadParameterOfTheTasksOfAUser(String query) {
		String path = "/users/" + this.alice + "/tasks";

		assertInvalid(this.asAlice.get(path + "?" + query), path, query.substring(0, query.indexOf('=')));
	}

	@Test
	void namesTheAllowedValuesOfInclude() {
		JsonNode list = assertInvalid(this.asAlice.get("/users?include=foo"), "/users", "include");
		JsonNode one = assertInvalid(this.asAlice.get("/users/" + this.alice + "?include=foo"), "/users/" + this.alice,
				"include");

		assertThat(list.get("detail").asString()).contains("tasks");
		assertThat(list.get("errors").get(0).get("message").asString()).contains("tasks");
		assertThat(one.get("detail").asString()).contains("tasks");
	}

	@Test
	void reportsEachBadParameterOnce() {
		assertInvalid(this.asAlice.get("/tasks?limit=0&after=-1&userId=0"), "/tasks", "limit", "after", "userId");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/users/abc", "/users/0", "/users/-1", "/users/1.0", "/users/99999999999999999999",
			"/users/9223372036854775808", "/users/0x1", "/users/abc/tasks", "/users/0/tasks", "/tasks/-1", "/tasks/0",
			"/tasks/abc", "/tasks/+1" })
	void rejectsAPathIdThatIsNotAPositiveInteger(String path) {
		assertInvalid(this.asAlice.get(path), path, "id");
	}

	@Test
	void rejectsABadPathIdOnWritesAndChangesNothing() {
		assertInvalid(this.asAlice.patch("/users/0", "{\"username\":\"bob\"}"), "/users/0", "id");
		assertInvalid(this.asAlice.delete("/users/abc"), "/users/abc", "id");
		assertInvalid(this.asAlice.post("/users/-1/tasks", "{\"title\":\"t\"}"), "/users/-1/tasks", "id");
		assertInvalid(this.asAlice.patch("/tasks/-1", "{\"title\":\"t\"}"), "/tasks/-1", "id");
		assertInvalid(this.asAlice.delete("/tasks/0"), "/tasks/0", "id");

		assertThat(this.seeds.count("users")).isOne();
		assertThat(this.seeds.count("tasks")).isEqualTo(3);
	}

	@Test
	void acceptsTheBoundaryValues() {
		assertThat(this.asAlice.get("/tasks?limit=1&after=0")).bodyJson().extractingPath("$").asArray().hasSize(1);
		assertThat(this.asAlice.get("/tasks?limit=1000&completed=false")).bodyJson()
			.extractingPath("$")
			.asArray()
			.hasSize(1);
		assertThat(this.asAlice.get("/users?include=tasks&limit=1000")).bodyJson()
			.extractingPath("$")
			.asArray()
			.hasSize(1);
	}

}
