package org.userstasks.guide;

import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import naive.CollectionMapping;
import naive.CollectionUser;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.SqlStatements;
import org.userstasks.web.EntityTags;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement docs/one-to-many.md shows is the one the code sends, on this database:
 * each scenario runs, its statements are captured at the JDBC level and compared with the
 * guide's block of that name. The mapping the guide argues against runs for real too, on
 * a session factory of its own ({@link CollectionMapping}).
 */
@IntegrationTest
class OneToManyGuideIT {

	private static final Set<String> SCENARIOS = Set.of("create-task", "move-task", "delete-user", "cascade-remove",
			"orphan-removal", "include-tasks-page", "lazy-collection", "tasks-page", "delete-task-if-match",
			"delete-task-stale", "sign-in");

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	SqlStatements sql;

	@Autowired
	DataSource dataSource;

	@Test
	void everyBlockOfTheGuideIsCheckedByAScenario() {
		Set<String> blocks = Guide.read().namesOf("sql");

		assertThat(blocks).containsExactlyInAnyOrderElementsOf(SCENARIOS);
	}

	@Test
	void creatingATaskLocksItsUserThenInserts() {
		long user = this.seeds.user("ann");
		Api owner = this.api.as(this.seeds.token(user));

		List<String> statements = statementsOf(
				() -> assertThat(owner.post("/users/" + user + "/tasks", "{\"title\":\"Write report\"}"))
					.hasStatus(HttpStatus.CREATED));

		// The sign-in token's lookup first.
		assertThat(statements).hasSize(3);
		assertThat(this.seeds.taskIds(user)).hasSize(1);
		assertGuideShows("create-task", statements);
	}

	@Test
	void movingATaskLocksTheTaskAndItsNewUserThenUpdates() {
		long ann = this.seeds.user("ann");
		long bob = this.seeds.user("bob");
		long task = this.seeds.task(ann, "Write report", false);
		Api owner = this.api.as(this.seeds.token(ann));

		List<String> statements = statementsOf(
				() -> assertThat(owner.patch("/tasks/" + task, "{\"userId\":" + bob + "}")).hasStatus(HttpStatus.OK));

		assertThat(statements).hasSize(4);
		assertThat(this.seeds.taskIds(bob)).containsExactly(task);
		assertGuideShows("move-task", statements);
	}

	@Test
	void deletingAUserWithTenThousandTasksAndTwoTokensIsOneStatementAfterTheLookup() {
		long user = this.seeds.user("big");
		this.seeds.tasks(user, 10_000);
		Api owner = this.api.as(this.seeds.token(user));
		this.seeds.token(user);

		List<String> statements = statementsOf(
				() -> assertThat(owner.delete("/users/" + user)).hasStatus(HttpStatus.NO_CONTENT));

		// The token's lookup, then the one delete: tasks and tokens go with the user.
		assertThat(statements).hasSize(2);
		assertThat(this.seeds.count("tasks")).isZero();
		assertThat(this.seeds.tokenCount(user)).isZero();
		assertGuideShows("delete-user", statements);
	}

	@Test
	void cascadingTheRemovalThroughAMappedCollectionDeletesTenThousandTasksOneByOne() {
		long user = this.seeds.user("big");
		this.seeds.tasks(user, 10_000);

		List<String> statements;
		try (SessionFactory naive = CollectionMapping.sessionFactory(this.dataSource)) {
			statements = statementsOf(
					() -> naive.inTransaction((session) -> session.remove(session.find(CollectionUser.class, user))));
		}

		assertThat(statements).hasSize(10_003);
		assertThat(this.seeds.count("users")).isZero();
		assertThat(this.seeds.count("tasks")).isZero();
		assertGuideShows("cascade-remove", statements);
	}

	@Test
	void removingOrphansDeletesTenThousandTasksOneByOne() {
		long user = this.seeds.user("big");
		this.seeds.tasks(user, 10_000);

		List<String> statements;
		try (SessionFactory naive = CollectionMapping.sessionFactory(this.dataSource)) {
			statements = statementsOf(() -> naive
				.inTransaction((session) -> session.find(CollectionUser.class, user).getTasks().clear()));
		}

		assertThat(statements).hasSize(10_002);
		assertThat(this.seeds.count("users")).isOne();
		assertThat(this.seeds.count("tasks")).isZero();
		assertGuideShows("orphan-removal", statements);
	}

	@Test
	void aPageOfUsersWithTheirTasksIsTwoQueriesAfterTheTokenWhateverItsSize() {
		for (long user : this.seeds.users("user", 100)) {
			this.seeds.tasks(user, 10);
		}

		Api signedIn = this.api.as(this.seeds.token(this.seeds.user("reader")));

		List<String> ofTen = statementsOf(
				() -> assertUsersWithTasks(signedIn, "/users?include=tasks&limit=10", 10, 100));
		List<String> ofHundred = statementsOf(
				() -> assertUsersWithTasks(signedIn, "/users?include=tasks&limit=100", 100, 1000));

		// The token's lookup, the page of users, one query for all their tasks.
		assertThat(ofHundred).hasSize(3).isEqualTo(ofTen);
		assertGuideShows("include-tasks-page", ofHundred);
	}

	@Test
	void aMappedCollectionLoadedUserByUserIsOneStatementPerUser() {
		for (long user : this.seeds.users("user", 100)) {
			this.seeds.tasks(user, 10);
		}

		int[] tasks = new int[1];
		List<String> statements;
		try (SessionFactory naive = CollectionMapping.sessionFactory(this.dataSource)) {
			statements = statementsOf(() -> naive.inTransaction((session) -> session
				.createSelectionQuery("from CollectionUser u where u.id > :after order by u.id", CollectionUser.class)
				.setParameter("after", 0L)
				.setMaxResults(100)
				.getResultList()
				.forEach((user) -> tasks[0] += user.getTasks().size())));
		}

		assertThat(tasks[0]).isEqualTo(1000);
		assertThat(statements).hasSize(101);
		assertGuideShows("lazy-collection", statements);
	}

	@Test
	void aPageOfAUsersTasksChecksTheUserThenReadsTheIndexRange() {
		long user = this.seeds.user("ann");
		this.seeds.tasks(user, 5);
		List<Long> ids = this.seeds.taskIds(user);
		Api owner = this.api.as(this.seeds.token(user));

		List<String> statements = statementsOf(() -> {
			var page = owner.get("/users/" + user + "/tasks?limit=2&after=" + ids.get(0));
			assertThat(page).hasStatus(HttpStatus.OK);
			assertThat(Json.ids(Json.body(page))).containsExactly(ids.get(1), ids.get(2));
		});

		assertThat(statements).hasSize(3);
		assertGuideShows("tasks-page", statements);
	}

	@Test
	void aConditionalDeleteOfATaskIsOneStatement() {
		long ann = this.seeds.user("ann");
		long task = this.seeds.task(ann, "Write report", false);
		String token = this.seeds.token(ann);

		List<String> statements = statementsOf(
				() -> assertThat(this.api.as(token).ifMatch(EntityTags.of(0)).delete("/tasks/" + task))
					.hasStatus(HttpStatus.NO_CONTENT));

		assertThat(statements).hasSize(2);
		assertThat(this.seeds.taskIds(ann)).isEmpty();
		assertGuideShows("delete-task-if-match", statements);
	}

	@Test
	void aConditionalDeleteThatMissesReadsTheRowOnceToSayWhy() {
		long ann = this.seeds.user("ann");
		long task = this.seeds.task(ann, "Write report", false);
		String token = this.seeds.token(ann);

		List<String> statements = statementsOf(
				() -> assertThat(this.api.as(token).ifMatch(EntityTags.of(7)).delete("/tasks/" + task))
					.hasStatus(HttpStatus.PRECONDITION_FAILED));

		assertThat(statements).hasSize(3);
		assertThat(this.seeds.taskIds(ann)).containsExactly(task);
		assertGuideShows("delete-task-stale", statements);
	}

	@Test
	void signingInLocksTheUserThenInsertsATokenAndTrimsTheOldest() {
		long ann = this.seeds.user("ann");

		List<String> statements = statementsOf(() -> assertThat(
				this.api.post("/tokens", "{\"username\":\"ann\",\"password\":" + Json.quote(Seeds.PASSWORD) + "}"))
			.hasStatus(HttpStatus.OK));

		// No token to look up: the failures counted for the name come first.
		assertThat(statements).hasSize(5);
		assertThat(this.seeds.tokenCount(ann)).isOne();
		assertGuideShows("sign-in", statements);
	}

	private void assertUsersWithTasks(Api signedIn, String uri, int users, int tasks) {
		var result = signedIn.get(uri);
		assertThat(result).hasStatus(HttpStatus.OK);
		var body = Json.body(result);
		assertThat(body.size()).isEqualTo(users);
		int[] embedded = new int[1];
		body.forEach((user) -> embedded[0] += user.get("tasks").size());
		assertThat(embedded[0]).isEqualTo(tasks);
	}

	private List<String> statementsOf(Runnable action) {
		return this.sql.during(action).sql();
	}

	private static void assertGuideShows(String name, List<String> statements) {
		Guide.assertShows("sql", name, StatementListing.of(statements));
	}

}
