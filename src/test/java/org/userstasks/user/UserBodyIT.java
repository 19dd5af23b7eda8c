package org.userstasks.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.userstasks.testing.ProblemAssertions.assertInvalid;

/**
 * User bodies take only the writable properties, with the right JSON types, never null; a
 * rejected body changes nothing.
 */
@IntegrationTest
class UserBodyIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			id        | 5
			createdAt | "2026-01-01T00:00:00.000Z"
			updatedAt | "2026-01-01T00:00:00.000Z"
			nickname  | "al"
			tasks     | []
			passwordHash | "x"
			""")
	void rejectsAPropertyThatIsNotWritable(String property, String value) {
		String create = "{\"username\":\"alice\",\"password\":\"password1\",\"" + property + "\":" + value + "}";
		assertInvalid(this.api.post("/users", create), "/users", property);
		assertThat(this.seeds.count("users")).isZero();

		long id = this.seeds.user("bob");
		String patch = "{\"username\":\"robert\",\"" + property + "\":" + value + "}";
		assertInvalid(this.api.as(this.seeds.token(id)).patch("/users/" + id, patch), "/users/" + id, property);
		assertUnchanged(id);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			username | 5
			username | true
			username | ["alice"]
			username | {"name":"alice"}
			password | 12345678
			password | false
			password | ["password1"]
			""")
	void rejectsAValueOfTheWrongJsonType(String property, String value) {
		assertInvalid(this.api.post("/users", withValue(property, value)), "/users", property);
		assertThat(this.seeds.count("users")).isZero();

		long id = this.seeds.user("bob");
		assertInvalid(this.api.as(this.seeds.token(id)).patch("/users/" + id, "{\"" + property + "\":" + value + "}"),
				"/users/" + id, property);
		assertUnchanged(id);
	}

	@Test
	void rejectsNullForEachProperty() {
		assertInvalid(this.api.post("/users", "{\"username\":null,\"password\":\"password1\"}"), "/users", "username");
		assertInvalid(this.api.post("/users", "{\"username\":\"alice\",\"password\":null}"), "/users", "password");
		assertThat(this.seeds.count("users")).isZero();

		long id = this.seeds.user("bob");
		assertInvalid(this.api.as(this.seeds.token(id)).patch("/users/" + id, "{\"username\":null}"), "/users/" + id,
				"username");
		assertInvalid(this.api.as(this.seeds.token(id)).patch("/users/" + id, "{\"password\":null}"), "/users/" + id,
				"password");
		assertUnchanged(id);
	}

	@Test
	void reportsEveryNullPropertyOnce() {
		assertInvalid(this.api.post("/users", "{\"username\":null,\"password\":null}"), "/users", "username",
				"password");
	}

	private void assertUnchanged(long id) {
		assertThat(this.jdbc.queryForMap("select username, password_hash from users where id = ?", id))
			.containsValues("bob", Seeds.PASSWORD_HASH);
	}

	private static String withValue(String property, String value) {
		return property.equals("username") ? "{\"username\":" + value + ",\"password\":\"password1\"}"
				: "{\"username\":\"alice\",\"password\":" + value + "}";
	}

}
