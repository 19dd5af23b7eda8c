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
import org.userstasks.testing.SqlStatements.Statements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code include=tasks} costs a fixed number of SQL statements, however many users and
 * tasks a page holds (no N+1): one select of the users, one of their tasks.
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
		Statements forTen = statementsToList(10, 100);

		seedUsersWithTasks("many", 90, 10);
		Statements forHundred = statementsToList(100, 1000);

		assertTwoSelects(forTen);
		assertTwoSelects(forHundred);
	}

	@Test
	void getsOneUserWithItsTasksInAFixedNumberOfStatements() {
		long few = this.seeds.user("few");
		this.seeds.tasks(few, 1);
		long many = this.seeds.user("many");
		this.seeds.tasks(many, 500);

		Statements forOne = statementsToGet(few, 1);
		Statements forMany = statementsToGet(many, 500);

		assertTwoSelects(forOne);
		assertTwoSelects(forMany);
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

	// The token lookup, then the users and the tasks of all of them.
	private static void assertTwoSelects(Statements statements) {
		assertThat(statements.total()).as("%s", statements.sql()).isEqualTo(1 + 2);
		assertThat(statements.selects()).as("%s", statements.sql()).isEqualTo(1 + 2);
		assertThat(statements.sql().get(0)).startsWithIgnoringCase("select user_id, expires_at from tokens");
		assertThat(statements.sql().get(1)).as("second").containsIgnoringCase("from users");
		assertThat(statements.sql().get(2)).as("third").containsIgnoringCase("from tasks");
	}

	private Statements statementsToList(int users, int tasks) {
		long[] counted = new long[1];
		Api signedIn = signedIn();
		Statements statements = this.sql.during(() -> {
			var result = signedIn.get("/users?include=tasks");
			assertThat(result).hasStatus(HttpStatus.OK);
			var body = Json.body(result);
			assertThat(body.size()).isEqualTo(users);
			body.forEach((user) -> counted[0] += user.get("tasks").size());
		});
		assertThat(counted[0]).isEqualTo(tasks);
		return statements;
	}

	private Statements statementsToGet(long id, int tasks) {
		List<Long> stored = this.seeds.taskIds(id);
		Api signedIn = signedIn();
		return this.sql.during(() -> {
			var result = signedIn.get("/users/" + id + "?include=tasks");
			assertThat(result).hasStatus(HttpStatus.OK);
			assertThat(Json.ids(Json.body(result).get("tasks"))).hasSize(tasks).isSorted().isEqualTo(stored);
		});
	}

}
