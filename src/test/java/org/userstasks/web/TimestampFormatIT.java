package org.userstasks.web;

import java.time.OffsetDateTime;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timestamps are written in UTC with a Z and always three digits of milliseconds, also
 * when those are zero and when the row was stored with another offset.
 */
@IntegrationTest
class TimestampFormatIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void writesWholeSecondsWithMillisecondsInUtc() {
		OffsetDateTime created = OffsetDateTime.parse("2026-01-02T05:04:05+02:00");
		OffsetDateTime updated = OffsetDateTime.parse("2026-03-04T10:20:30.120-05:00");
		this.jdbc.update("insert into users (username, password_hash, created_at, updated_at) values (?, ?, ?, ?)",
				"alice", Seeds.PASSWORD_HASH, created, updated);
		long id = this.jdbc.queryForObject("select id from users", Long.class);
		this.jdbc.update("insert into tasks (title, completed, user_id, created_at, updated_at) values (?, ?, ?, ?, ?)",
				"t", false, id, created, updated);

		Api asAlice = this.api.as(this.seeds.token(id));

		JsonNode user = Json.body(asAlice.get("/users/" + id + "?include=tasks"));
		JsonNode task = user.get("tasks").get(0);

		assertThat(user.get("createdAt").asString()).isEqualTo("2026-01-02T03:04:05.000Z");
		assertThat(user.get("updatedAt").asString()).isEqualTo("2026-03-04T15:20:30.120Z");
		assertThat(task.get("createdAt").asString()).isEqualTo("2026-01-02T03:04:05.000Z");
		assertThat(task.get("updatedAt").asString()).isEqualTo("2026-03-04T15:20:30.120Z");
		assertThat(Json.body(asAlice.get("/tasks/" + task.get("id").asLong()))).isEqualTo(task);
	}

}
