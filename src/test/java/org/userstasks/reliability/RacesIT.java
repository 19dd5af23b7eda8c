package org.userstasks.reliability;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.userstasks.testing.Http;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Race;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent requests over real HTTP connections: whatever the interleaving, each request
 * gets one of the statuses the contract names for it, never a 5xx, and the database ends
 * in a state that some serial order of the successful requests explains.
 */
@IntegrationTest
class RacesIT {

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void concurrentCreationsOfOneUsernameInAnyCaseGiveOneCreatedAndTheRestConflict() {
		int racers = 20;

		List<HttpResponse<String>> responses = Race.run(racers, (i) -> () -> this.http.post("/users",
				"{\"username\":\"" + spelling("racer", i) + "\",\"password\":\"password" + i + "\"}"));

		assertThat(responses).filteredOn((response) -> response.statusCode() == 201).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.statusCode() == 409)
			.hasSize(racers - 1)
			.allSatisfy((response) -> assertThat(response.headers().firstValue("Content-Type"))
				.hasValue("application/problem+json"));
		assertThat(this.jdbc.queryForObject("select count(*) from users where lower(username) = 'racer'", Long.class))
			.isOne();
	}

	@Test
	void tasksPostedWhileTheirUserIsDeletedAreCreatedAndDeletedOrRefusedNeverOrphaned() throws Exception {
		for (int round = 0; round < 5; round++) {
			long userId = this.seeds.user("doomed" + round);
			Http owner = this.http.as(this.seeds.token(userId));
			String tasksPath = "/users/" + userId + "/tasks";
			CountDownLatch created = new CountDownLatch(Race.THREADS);
			List<Integer> statuses = new CopyOnWriteArrayList<>();
			ExecutorService pool = Executors.newFixedThreadPool(Race.THREADS);
			try {
				// Every thread posts tasks until the user is gone; the deletion goes out
				// while they are all at it.
				List<Future<?>> posters = new ArrayList<>();
				for (int t = 0; t < Race.THREADS; t++) {
					posters.add(pool.submit(() -> {
						for (int i = 0; i < 200; i++) {
							int status = owner.post(tasksPath, "{\"title\":\"task " + i + "\"}").statusCode();
							statuses.add(status);
							created.countDown();
							if (status != 201) {
								return null;
							}
						}
						throw new AssertionError("the user was never deleted");
					}));
				}
				assertThat(created.await(30, TimeUnit.SECONDS)).isTrue();

				assertThat(owner.delete("/users/" + userId).statusCode()).isEqualTo(204);

				for (Future<?> poster : posters) {
					poster.get(30, TimeUnit.SECONDS);
				}
			}
			finally {
				pool.shutdownNow();
			}
			// Once the user is gone, so is the token the posts carry (deleted with the
			// user): a post then gets a 401 if its token was looked up after the
			// deletion, a 404 if before.
			assertThat(statuses).as("statuses in round %d", round).isSubsetOf(201, 404, 401).contains(201);
			assertThat(statuses).as("refusals in round %d", round).containsAnyOf(404, 401);
			assertThat(this.jdbc.queryForObject("select count(*) from tasks where user_id = ?", Long.class, userId))
				.as("tasks left behind in round %d", round)
				.isZero();
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from tasks t where not exists (select 1 from users u where u.id = t.user_id)",
				Long.class))
			.isZero();
	}

	@Test
	void concurrentTaskCreationsOnOneUserAllGetTheirOwnTask() {
		long userId = this.seeds.user("busy");
		Http owner = this.http.as(this.seeds.token(userId));
		int count = 200;

		List<HttpResponse<String>> responses = Race.run(count,
				(i) -> () -> owner.post("/users/" + userId + "/tasks", "{\"title\":\"task " + i + "\"}"));

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
		Set<Long> ids = new HashSet<>();
		responses.forEach((response) -> ids.add(id(response)));
		assertThat(ids).hasSize(count);
		assertThat(this.jdbc.queryForList("select id from tasks where user_id = ?", Long.class, userId))
			.containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void concurrentPatchesOfOneTaskLeaveExactlyOneOfTheWrites() {
		long userId = this.seeds.user("patched");
		Http owner = this.http.as(this.seeds.token(userId));
		this.seeds.tasks(userId, 1);
		long taskId = this.jdbc.queryForObject("select id from tasks where user_id = ?", Long.class, userId);
		int writers = 40;
		Map<String, Boolean> writes = new HashMap<>();
		for (int i = 0; i < writers; i++) {
			writes.put("write " + i, i % 3 == 0);
		}

		List<Integer> statuses = Race.run(writers,
				(i) -> () -> owner
					.patch("/tasks/" + taskId,
							"{\"title\":\"write " + i + "\",\"completed\":" + writes.get("write " + i) + "}")
					.statusCode());

		assertThat(statuses).containsOnly(200);
		Map<String, Object> row = this.jdbc.queryForMap("select title, completed from tasks where id = ?", taskId);
		assertThat(writes).containsEntry((String) row.get("title"), (Boolean) row.get("completed"));
	}

	@Test
	void concurrentPatchesOfDifferentFieldsOfOneTaskAreAllApplied() {
		long userId = this.seeds.user("patched");
		Http owner = this.http.as(this.seeds.token(userId));
		this.seeds.tasks(userId, 1);
		long taskId = this.jdbc.queryForObject("select id from tasks where user_id = ?", Long.class, userId);
		this.jdbc.update("update tasks set title = 'before', completed = false where id = ?", taskId);
		int writers = 40;

		// Half change only the title, half only completed: a lost update would leave
		// "before" or false.
		List<Integer> statuses = Race.run(writers,
				(i) -> () -> owner
					.patch("/tasks/" + taskId,
							(i % 2 == 0) ? "{\"title\":\"write " + i + "\"}" : "{\"completed\":true}")
					.statusCode());

		assertThat(statuses).containsOnly(200);
		Map<String, Object> row = this.jdbc.queryForMap("select title, completed from tasks where id = ?", taskId);
		assertThat((String) row.get("title")).startsWith("write ");
		assertThat((Boolean) row.get("completed")).isTrue();
	}

	@Test
	void patchesRacingTheDeletionOfTheirTaskGetOkOrNotFound() {
		long userId = this.seeds.user("owner");
		Http owner = this.http.as(this.seeds.token(userId));
		for (int round = 0; round < 5; round++) {
			this.seeds.tasks(userId, 1);
			long taskId = this.jdbc.queryForObject("select max(id) from tasks where user_id = ?", Long.class, userId);
			int patches = 15;

			List<Integer> statuses = Race.run(patches + 1,
					(i) -> (i == patches / 2) ? () -> owner.delete("/tasks/" + taskId).statusCode()
							: () -> owner.patch("/tasks/" + taskId, "{\"title\":\"write " + i + "\"}").statusCode());

			assertThat(statuses.get(patches / 2)).as("deletion in round %d", round).isEqualTo(204);
			statuses.remove(patches / 2);
			assertThat(statuses).as("patches in round %d", round).isSubsetOf(200, 404);
			assertThat(this.seeds.count("tasks")).isZero();
		}
	}

	@Test
	void patchesRacingTheDeletionOfTheirUserGetOkOrNotFound() {
		for (int round = 0; round < 5; round++) {
			long userId = this.seeds.user("renamed" + round);
			Http owner = this.http.as(this.seeds.token(userId));
			int patches = 15;
			int finalRound = round;

			List<Integer> statuses = Race.run(patches + 1,
					(i) -> (i == patches / 2) ? () -> owner.delete("/users/" + userId).statusCode()
							: () -> owner
								.patch("/users/" + userId, "{\"username\":\"renamed" + finalRound + "-" + i + "\"}")
								.statusCode());

			assertThat(statuses.get(patches / 2)).as("deletion in round %d", round).isEqualTo(204);
			statuses.remove(patches / 2);
			// A patch whose token was looked up after the deletion finds it gone with
			// the user: 401.
			assertThat(statuses).as("patches in round %d", round).isSubsetOf(200, 404, 401);
			assertThat(this.seeds.count("users")).isZero();
		}
	}

	/**
	 * The name with the case of its letters taken from the bits of {@code i}.
	 */
	private static String spelling(String name, int i) {
		StringBuilder spelled = new StringBuilder();
		for (int c = 0; c < name.length(); c++) {
			char letter = name.charAt(c);
			spelled.append(((i >> c) & 1) == 1 ? Character.toUpperCase(letter) : letter);
		}
		return spelled.toString();
	}

	private static long id(HttpResponse<String> response) {
		Matcher matcher = ID.matcher(response.body());
		assertThat(matcher.find()).as("id in %s", response.body()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
