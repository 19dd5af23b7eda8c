package org.userstasks.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.testing.ProblemAssertions.assertProblem;

/**
 * A body that is not one JSON object (malformed, trailing garbage, empty, an array, a
 * bare value) is a 400 on every endpoint that takes a body, and changes nothing.
 */
@IntegrationTest
class MalformedBodyIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	private long alice;

	private Api asAlice;

	private long task;

	@BeforeEach
	void seed() {
		this.alice = this.seeds.user("alice");
		this.asAlice = this.api.as(this.seeds.token(this.alice));
		this.task = this.seeds.task(this.alice, "kept", false);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\n", "{", "}", "{\"username\":\"bob\",", "{username:\"bob\"}",
			"{'username':'bob'}", "{\"username\":\"bob\",\"password\":\"password1\"} x",
			"{\"username\":\"bob\",\"password\":\"password1\"}{}", "{\"username\":\"bob\",\"password\":\"password1\"},",
			"{\"username\":\"bob\",\"password\":\"password1\",}", "[]",
			"[{\"username\":\"bob\",\"password\":\"password1\"}]", "\"bob\"", "42", "true", "null",
			"{\"username\":\"bob\" \"password\":\"password1\"}", "{\"username\":\"bo\u0000b\",\"password\":\"p\"" })
	void rejectsABodyThatIsNotOneJsonObject(String body) {
		Map<String, Object> userBefore = this.jdbc.queryForMap("select * from users where id = ?", this.alice);
		Map<String, Object> taskBefore = this.jdbc.queryForMap("select * from tasks where id = ?", this.task);
		String title = body.replace("username", "title").replace("password", "completed");

		assertProblem(this.api.post("/users", body), HttpStatus.BAD_REQUEST, "/users");
		assertProblem(this.asAlice.patch("/users/" + this.alice, body), HttpStatus.BAD_REQUEST, "/users/" + this.alice);
		assertProblem(this.asAlice.post("/users/" + this.alice + "/tasks", title), HttpStatus.BAD_REQUEST,
				"/users/" + this.alice + "/tasks");
		assertProblem(this.asAlice.patch("/tasks/" + this.task, title), HttpStatus.BAD_REQUEST, "/tasks/" + this.task);

		assertThat(this.seeds.count("users")).isOne();
		assertThat(this.seeds.count("tasks")).isOne();
		assertThat(this.jdbc.queryForMap("select * from users where id = ?", this.alice)).isEqualTo(userBefore);
		assertThat(this.jdbc.queryForMap("select * from tasks where id = ?", this.task)).isEqualTo(taskBefore);
	}

}
