package org.userstasks.user;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code include=tasks} costs a fixed number of SQL statements, however many users and
 * tasks a page holds (no N+1).
 */
@IntegrationTest
class IncludeTasksQueryCountIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	SqlStatements sql;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void reset() {
		this.seeds.reset();
	}

	@Test
	void listsAHundredUsersWithTheirTasksInAsFewStatementsAsTen() {
		seedUsersWithTasks("few", 10, 10);
		long forTen = statementsToList(10, 100);

		seedUsersWithTasks("many", 90, 10);
		long forHundred = statementsToList(100, 1000);

		assertThat(forHundred).isBetween(1L, 3L).isEqualTo(forTen);
	}

	@Test
	void getsOneUserWithItsTasksInAFixedNumberOfStatements() {
		long few = this.seeds.user("few");
		this.seeds.tasks(few, 1);
		long many = this.seeds.user("many");
		this.seeds.tasks(many, 500);

		long forOne = statementsToGet(few, 1);
		long forMany = statementsToGet(many, 500);

		assertThat(forMany).isBetween(1L, 2L).isEqualTo(forOne);
	}

	private void seedUsersWithTasks(String prefix, int users, int tasksEach) {
		for (long id : this.seeds.users(prefix, users)) {
			this.seeds.tasks(id, tasksEach);
		}
	}

	// Any signed-in user may read every user: the first one.
	private Api signedIn() {
		return this.api.as(this.seeds.token(firstUser()));
	}

	private long firstUser() {
		return this.jdbc.queryForObject("select min(id) from users", Long.class);
	}

	private long statementsToList(int users, int tasks) {
		long[] counted = new long[1];
		Api signedIn = signedIn();
		long statements = this.sql.countDuring(() -> {
			var result = signedIn.get("/users?include=tasks");
			assertThat(result).hasStatus(HttpStatus.OK);
			var body = Json.body(result);
			assertThat(body.size()).isEqualTo(users);
			body.forEach((user) -> counted[0] += user.get("tasks").size());
		});
		assertThat(counted[0]).isEqualTo(tasks);
		return statements;
	}

	private long statementsToGet(long id, int tasks) {
		Api signedIn = signedIn();
		return this.sql.countDuring(() -> {
			var result = signedIn.get("/users/" + id + "?include=tasks");
			assertThat(result).hasStatus(HttpStatus.OK);
			assertThat(Json.ids(Json.body(result).get("tasks"))).hasSize(tasks)
				.isSorted()
				.isEqualTo(List.copyOf(this.seeds.taskIds(id)));
		});
	}

}
