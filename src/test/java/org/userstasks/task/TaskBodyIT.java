package org.userstasks.task;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

/**
 * Task bodies take only the writable properties, with the right JSON types, never null;
 * the owner of a new task comes from the path only; a rejected body changes nothing.
 */
@IntegrationTest
class TaskBodyIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	private long alice;

	private Api asAlice;

	private long bob;

	@BeforeEach
	void seed() {
		this.alice = this.seeds.user("alice");
		this.asAlice = this.api.as(this.seeds.token(this.alice));
		this.bob = this.seeds.user("bob");
	}

	@Test
	void completedDefaultsToFalse() {
		MvcTestResult result = create("{\"title\":\"open\"}");

		assertThat(result).hasStatus(HttpStatus.CREATED);
		long id = Json.body(result).get("id").asLong();
		assertThat(this.jdbc.queryForObject("select completed from tasks where id = ?", Boolean.class, id)).isFalse();
	}

	@Test
	void takesTheOwnerFromThePathOnly() {
		assertInvalid(create("{\"title\":\"mine\",\"userId\":" + this.bob + "}"), tasksOfAlice(), "userId");
		assertInvalid(create("{\"title\":\"mine\",\"userId\":" + this.alice + "}"), tasksOfAlice(), "userId");

		assertThat(this.seeds.count("tasks")).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			id        | 5
			createdAt | "2026-01-01T00:00:00.000Z"
			updatedAt | "2026-01-01T00:00:00.000Z"
			done      | true
			user      | {"id":1}
			""")
	void rejectsAPropertyThatIsNotWritable(String property, String value) {
		assertInvalid(create("{\"title\":\"t\",\"" + property + "\":" + value + "}"), tasksOfAlice(), property);
		assertThat(this.seeds.count("tasks")).isZero();

		long id = this.seeds.task(this.alice, "kept", false);
		Map<String, Object> before = row(id);
		assertInvalid(this.asAlice.patch("/tasks/" + id, "{\"title\":\"changed\",\"" + property + "\":" + value + "}"),
				"/tasks/" + id, property);
		assertThat(row(id)).isEqualTo(before);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			title     | 5
			title     | true
			title     | ["t"]
			title     | {"text":"t"}
			completed | "true"
			completed | 1
			completed | "false"
			completed | 0
			""")
	void rejectsAValueOfTheWrongJsonTypeOnCreate(String property, String value) {
		String body = property.equals("title") ? "{\"title\":" + value + "}"
				: "{\"title\":\"t\",\"completed\":" + value + "}";

		assertInvalid(create(body), tasksOfAlice(), property);

		assertThat(this.seeds.count("tasks")).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			title     | 5
			completed | "true"
			completed | 1
			userId    | "2"
			userId    | true
			userId    | 2.5
			userId    | [2]
			""")
	void rejectsAValueOfTheWrongJsonTypeOnPatch(String property, String value) {
		long id = this.seeds.task(this.alice, "kept", false);
		Map<String, Object> before = row(id);

		assertInvalid(this.asAlice.patch("/tasks/" + id, "{\"" + property + "\":" + value + "}"), "/tasks/" + id,
				property);

		assertThat(row(id)).isEqualTo(before);
	}

	@Test
	void rejectsAnIdGivenAsAString() {
		long id = this.seeds.task(this.alice, "kept", false);

		assertInvalid(this.asAlice.patch("/tasks/" + id, "{\"userId\":\"" + this.bob + "\"}"), "/tasks/" + id,
				"userId");

		assertThat(this.seeds.taskIds(this.alice)).containsExactly(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1" })
	void rejectsATargetUserIdThatIsNotPositive(String userId) {
		long id = this.seeds.task(this.alice, "kept", false);

		assertInvalid(this.asAlice.patch("/tasks/" + id, "{\"userId\":" + userId + "}"), "/tasks/" + id, "userId");

		assertThat(this.seeds.taskIds(this.alice)).containsExactly(id);
	}

	@Test
	void rejectsNullForEachProperty() {
		assertInvalid(create("{\"title\":null}"), tasksOfAlice(), "title");
		assertInvalid(create("{\"title\":\"t\",\"completed\":null}"), tasksOfAlice(), "completed");
		assertThat(this.seeds.count("tasks")).isZero();

		long id = this.seeds.task(this.alice, "kept", false);
		Map<String, Object> before = row(id);
		assertInvalid(this.asAlice.patch("/tasks/" + id, "{\"title\":null}"), "/tasks/" + id, "title");
		assertInvalid(this.asAlice.patch("/tasks/" + id, "{\"completed\":null}"), "/tasks/" + id, "completed");
		assertInvalid(this.asAlice.patch("/tasks/" + id, "{\"userId\":null}"), "/tasks/" + id, "userId");
		assertInvalid(this.asAlice.patch("/tasks/" + id, "{\"title\":null,\"completed\":null,\"userId\":null}"),
				"/tasks/" + id, "title", "completed", "userId");
		assertThat(row(id)).isEqualTo(before);
	}

	@Test
	void reportsEachBadFieldOnce() {
		long id = this.seeds.task(this.alice, "kept", false);

		assertInvalid(this.asAlice.patch("/tasks/" + id, "{\"title\":\"  \",\"userId\":-1}"), "/tasks/" + id, "title",
				"userId");
	}

	private MvcTestResult create(String body) {
		return this.asAlice.post(tasksOfAlice(), body);
	}

	private String tasksOfAlice() {
		return "/users/" + this.alice + "/tasks";
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.queryForMap("select * from tasks where id = ?", id);
	}

}
