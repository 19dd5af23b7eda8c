package org.userstasks.guide;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.SqlStatements;
import org.userstasks.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans docs/one-to-many.md shows for the last page of a user's 10,000 tasks are the
 * ones the database makes for the statement the service sends (keyset: the rows of the
 * page), and for the same page asked by offset (every row before it too). The plans are
 * executed ({@code EXPLAIN ANALYZE}), so they show the rows each one read.
 */
@IntegrationTest
class PagingPlansGuideIT {

	private static final Set<String> SCENARIOS = Set.of("keyset-plan", "offset-plan", "include-tasks-plan");

	// A page of 100, for which the service fetches 101 rows (the last tells whether a
	// next page exists).
	private static final int PAGE = 100;

	private static final Pattern ROWS_READ = Pattern.compile("(?:scanCount: |actual rows=)(\\d+)");

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	SqlStatements sql;

	@Autowired
	JdbcTemplate jdbc;

	private long user;

	private long after;

	private String keyset;

	@BeforeEach
	void lastPageOfTenThousandTasks() {
		seedUsersWithTenTasksEach(1000);
		this.user = this.seeds.user("busy");
		this.seeds.tasks(this.user, 10_000);
		List<Long> ids = this.seeds.taskIds(this.user);
		this.after = ids.get(ids.size() - PAGE - 1);
		this.jdbc.execute(TestDatabase.isPostgres() ? "analyze tasks" : "analyze table tasks");
		List<String> statements = this.sql
			.during(() -> assertThat(this.api.as(this.seeds.token(this.user))
				.get("/users/" + this.user + "/tasks?limit=" + PAGE + "&after=" + this.after)).hasStatus(HttpStatus.OK))
			.sql();
		this.keyset = statements.get(statements.size() - 1);
	}

	/**
	 * Many users with a few tasks each, as a planner should expect: for one user, the
	 * index on (user_id, id) is then the way in.
	 */
	private void seedUsersWithTenTasksEach(int users) {
		Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			rows.add(new Object[] { "other" + i, Seeds.PASSWORD_HASH, now, now });
		}
		this.jdbc.batchUpdate("insert into users (username, password_hash, created_at, updated_at) values (?, ?, ?, ?)",
				rows);
		for (int task = 0; task < 10; task++) {
			this.jdbc.update("insert into tasks (title, completed, user_id, created_at, updated_at) "
					+ "select 'task', false, id, created_at, updated_at from users");
		}
	}

	@Test
	void everyPlanOfTheGuideIsChecked() {
		Set<String> blocks = Guide.read().namesOf("plan");

		assertThat(blocks).containsExactlyInAnyOrderElementsOf(SCENARIOS);
	}

	@Test
	void aKeysetPageReadsOnlyItsRowsFromTheIndex() {
		String plan = plan(this.keyset, this.user, this.after, PAGE + 1L);

		// H2 counts the index entry that ends the range too.
		assertThat(rowsRead(plan)).isBetween((long) PAGE, PAGE + 2L);
		Guide.assertShows("plan", "keyset-plan", plan);
	}

	@Test
	void anOffsetPageReadsEveryRowBeforeIt() {
		String byOffset = this.keyset.replace(" and t1_0.id>?", "")
			.replace("fetch first ? rows only", "offset ? rows fetch first ? rows only");
		assertThat(byOffset).isNotEqualTo(this.keyset);

		String plan = plan(byOffset, this.user, 10_000L - PAGE, PAGE + 1L);

		assertThat(rowsRead(plan)).isGreaterThanOrEqualTo(10_000);
		Guide.assertShows("plan", "offset-plan", plan);
	}

	@Test
	void theTasksOfAPageOfUsersAreOneRangeOfTheIndexInItsOrder() {
		List<Long> users = this.jdbc.queryForList("select id from users order by id fetch first " + PAGE + " rows only",
				Long.class);
		List<String> statements = this.sql
			.during(() -> assertThat(this.api.as(this.seeds.token(this.user)).get("/users?include=tasks&limit=" + PAGE))
				.hasStatus(HttpStatus.OK))
			.sql();
		String tasksOfUsers = statements.get(statements.size() - 1);

		String plan = plan(tasksOfUsers, users.get(0), users.get(users.size() - 1));

		// No sort: the rows come in the order of (user_id, id), which the response needs.
		if (TestDatabase.isPostgres()) {
			assertThat(plan).contains("Index Scan using tasks_user_id_idx").doesNotContain("Sort");
		}
		else {
			assertThat(plan).contains("PUBLIC.TASKS_USER_ID_IDX").contains("/* index sorted */");
		}
		// The first 100 users hold 10 tasks each (H2 counts the entry after the range).
		assertThat(rowsRead(plan)).isBetween(10L * PAGE, 10L * PAGE + 1);
		Guide.assertShows("plan", "include-tasks-plan", plan);
	}

	/**
	 * The executed plan of a statement with these parameters. On PostgreSQL it is the
	 * generic plan, made for any parameters, so the plan shows {@code $1}, not the ids of
	 * this run (a statement the driver prepares on the server may run with it too).
	 */
	private String plan(String statement, long... parameters) {
		return this.jdbc.execute((ConnectionCallback<String>) (connection) -> {
			try (Statement session = connection.createStatement()) {
				if (!TestDatabase.isPostgres()) {
					try (PreparedStatement explain = connection.prepareStatement("explain analyze " + statement)) {
						for (int i = 0; i < parameters.length; i++) {
							explain.setLong(i + 1, parameters[i]);
						}
						return lines(explain.executeQuery());
					}
				}
				session.execute("set plan_cache_mode = force_generic_plan");
				session.execute("prepare guide_plan as " + numbered(statement));
				try {
					return lines(session
						.executeQuery("explain (analyze, costs off, timing off, summary off) " + "execute guide_plan("
								+ LongStream.of(parameters).mapToObj(Long::toString).collect(Collectors.joining(", "))
								+ ")"));
				}
				finally {
					session.execute("deallocate guide_plan");
					session.execute("reset plan_cache_mode");
				}
			}
		});
	}

	// The i-th ? becomes $i, as PostgreSQL numbers the parameters of a prepared
	// statement.
	private static String numbered(String statement) {
		StringBuilder numbered = new StringBuilder();
		int parameter = 0;
		for (char c : statement.toCharArray()) {
			numbered.append((c == '?') ? "$" + (++parameter) : String.valueOf(c));
		}
		return numbered.toString();
	}

	private static String lines(ResultSet rows) throws SQLException {
		StringBuilder lines = new StringBuilder();
		try (rows) {
			while (rows.next()) {
				lines.append(rows.getString(1).stripTrailing()).append('\n');
			}
		}
		return lines.toString();
	}

	/**
	 * The most rows a step of the plan read: H2's {@code scanCount}, PostgreSQL's
	 * {@code actual rows}.
	 */
	private static long rowsRead(String plan) {
		Matcher rows = ROWS_READ.matcher(plan);
		long most = 0;
		while (rows.find()) {
			most = Math.max(most, Long.parseLong(rows.group(1)));
		}
		return most;
	}

}
