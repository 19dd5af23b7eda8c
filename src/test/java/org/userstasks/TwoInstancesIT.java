package org.userstasks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.userstasks.testing.Http;
import org.userstasks.testing.Race;
import org.userstasks.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two instances of the service on one PostgreSQL, as behind a load balancer: the
 * integrity rules hold across them because the database alone enforces them.
 */
class TwoInstancesIT {

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static Http one;

	private static Http other;

	// A signed-in user who only looks.
	private static String watcher;

	@BeforeAll
	static void startTwoInstances() throws Exception {
		assumeTrue(TestDatabase.isPostgres(), "runs on PostgreSQL only");
		first = instance();
		second = instance();
		one = new Http(port(first));
		other = new Http(port(second));
		jdbc().update("delete from users where username in ('watcher', 'roamer', 'Guarded')");
		jdbc().update("delete from sign_in_failures where username_key = 'guarded'");
		one.post("/users", "{\"username\":\"watcher\",\"password\":\"password1\"}");
		watcher = signIn(one, "watcher", "password1");
	}

	@AfterAll
	static void stopInstances() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
	}

	private static ConfigurableApplicationContext instance() {
		// As command-line arguments, so they win over the profile's own settings.
		// Sign-up races test uniqueness, not overload (see IntegrationTest).
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--spring.main.banner-mode=off", "--app.security.password-check-wait=60s"));
		TestDatabase.postgres().forEach((key, value) -> args.add("--" + key + "=" + value));
		return new SpringApplicationBuilder(UsersTasksApplication.class).profiles("postgres")
			.run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	@Test
	void oneOfManyConcurrentSignUpsForOneNameSucceedsAcrossInstances() {
		// given the same name, in different cases, sent to both instances at once
		// when
		List<Integer> statuses = Race.run(12,
				(i) -> () -> either(i)
					.post("/users",
							"{\"username\":\"" + ((i % 2 == 0) ? "Twin" : "tWIN") + "\",\"password\":\"password-" + i
									+ "\"}")
					.statusCode());

		// then
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(jdbc().queryForObject("select count(*) from users where lower(username) = 'twin'", Long.class))
			.isEqualTo(1);
	}

	@Test
	void tasksPostedWhileTheOtherInstanceDeletesTheirUserLeaveNoOrphan() throws Exception {
		for (int round = 0; round < 5; round++) {
			// given a user, known to both instances
			long userId = id(
					one.post("/users", "{\"username\":\"doomed" + round + "\",\"password\":\"password1\"}").body());
			String token = signIn(other, "doomed" + round, "password1");

			// when one instance deletes the user while both add tasks to it
			List<HttpResponse<String>> responses = Race.run(21,
					(i) -> () -> (i == 10) ? other.as(token).delete("/users/" + userId)
							: either(i).as(token).post("/users/" + userId + "/tasks", "{\"title\":\"t" + i + "\"}"));

			// then every task post was created (and went with the user) or found no user
			for (HttpResponse<String> response : responses) {
				if (response.request().method().equals("DELETE")) {
					assertThat(response.statusCode()).isEqualTo(204);
					continue;
				}
				// 401 once the user's token went with the user
				assertThat(response.statusCode()).isIn(201, 404, 401);
				if (response.statusCode() == 201) {
					assertThat(one.as(watcher).get("/tasks/" + id(response.body())).statusCode()).isEqualTo(404);
				}
			}
			assertThat(jdbc().queryForObject("select count(*) from tasks where user_id = ?", Long.class, userId))
				.isZero();
		}
		assertThat(jdbc().queryForObject(
				"select count(*) from tasks t where not exists (select 1 from users u where u.id = t.user_id)",
				Long.class))
			.isZero();
	}

	@Test
	void ofConcurrentPatchesHoldingOneETagOnBothInstancesExactlyOneWins() throws Exception {
		long userId = id(one.post("/users", "{\"username\":\"editor\",\"password\":\"password1\"}").body());
		String token = signIn(one, "editor", "password1");
		for (int round = 0; round < 5; round++) {
			// given a task and its ETag, as two tabs (on different instances) hold it
			long taskId = id(one.as(token).post("/users/" + userId + "/tasks", "{\"title\":\"draft\"}").body());
			String path = "/tasks/" + taskId;
			String etag = other.as(token).get(path).headers().firstValue("ETag").orElseThrow();

			// when 20 writers send their change with that ETag to either instance at once
			List<HttpResponse<String>> responses = Race.run(20,
					(i) -> () -> either(i).as(token)
						.send(either(i).as(token)
							.request(path)
							.header("If-Match", etag)
							.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"write " + i + "\"}"))));

			// then exactly one wins, the others are told their ETag is stale, and the row
			// is the winner's
			List<HttpResponse<String>> won = responses.stream().filter((r) -> r.statusCode() == 200).toList();
			assertThat(won).as("round %d", round).hasSize(1);
			assertThat(responses).filteredOn((r) -> r.statusCode() == 412).as("round %d", round).hasSize(19);
			String title = jdbc().queryForObject("select title from tasks where id = ?", String.class, taskId);
			assertThat(won.get(0).body()).contains("\"title\":\"" + title + "\"");
			assertThat(one.as(token).get(path).headers().firstValue("ETag"))
				.isEqualTo(won.get(0).headers().firstValue("ETag"));
		}
	}

	@Test
	void aTokenIssuedByOneInstanceWorksOnBothUntilSignOutOnEither() throws Exception {
		// given a token issued by one instance
		long userId = id(one.post("/users", "{\"username\":\"roamer\",\"password\":\"password1\"}").body());
		String token = signIn(one, "roamer", "password1");

		// then it works on both
		assertThat(one.as(token).get("/users/" + userId).statusCode()).isEqualTo(200);
		assertThat(other.as(token).get("/users/" + userId).statusCode()).isEqualTo(200);

		// when the user signs out on the other instance
		assertThat(other.as(token).delete("/tokens/current").statusCode()).isEqualTo(204);

		// then it works on neither, at once
		for (Http instance : List.of(one, other)) {
			HttpResponse<String> refused = instance.as(token).get("/users/" + userId);
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		}
	}

	@Test
	void failedSignInsAreCountedAcrossInstances() throws Exception {
		// given a user, and five wrong passwords spread over both instances
		one.post("/users", "{\"username\":\"Guarded\",\"password\":\"password1\"}");
		for (int i = 0; i < 5; i++) {
			assertThat(either(i).post("/tokens", "{\"username\":\"guarded\",\"password\":\"wrong-" + i + "\"}")
				.statusCode()).isEqualTo(401);
		}

		// when a sixth attempt goes to either instance, even with the right password
		HttpResponse<String> sixth = other.post("/tokens", "{\"username\":\"GUARDED\",\"password\":\"password1\"}");
		HttpResponse<String> seventh = one.post("/tokens", "{\"username\":\"guarded\",\"password\":\"password1\"}");

		// then both instances make it wait
		assertThat(sixth.statusCode()).isEqualTo(429);
		assertThat(sixth.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(seventh.statusCode()).isEqualTo(429);
		assertThat(jdbc().queryForObject("select failures from sign_in_failures where username_key = 'guarded'",
				Integer.class))
			.isEqualTo(5);
	}

	private static String signIn(Http instance, String username, String password) throws Exception {
		HttpResponse<String> response = instance.post("/tokens",
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(response.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private static Http either(int i) {
		return (i % 2 == 0) ? one : other;
	}

	private static JdbcTemplate jdbc() {
		return first.getBean(JdbcTemplate.class);
	}

	private static long id(String json) {
		Matcher matcher = ID.matcher(json);
		assertThat(matcher.find()).as("id in %s", json).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
