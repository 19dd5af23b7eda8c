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

	@BeforeAll
	static void startTwoInstances() {
		assumeTrue(TestDatabase.isPostgres(), "runs on PostgreSQL only");
		first = instance();
		second = instance();
		one = new Http(port(first));
		other = new Http(port(second));
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
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
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

			// when one instance deletes the user while both add tasks to it
			List<HttpResponse<String>> responses = Race.run(21,
					(i) -> () -> (i == 10) ? other.delete("/users/" + userId)
							: either(i).post("/users/" + userId + "/tasks", "{\"title\":\"t" + i + "\"}"));

			// then every task post was created (and went with the user) or found no user
			for (HttpResponse<String> response : responses) {
				if (response.request().method().equals("DELETE")) {
					assertThat(response.statusCode()).isEqualTo(204);
					continue;
				}
				assertThat(response.statusCode()).isIn(201, 404);
				if (response.statusCode() == 201) {
					assertThat(one.get("/tasks/" + id(response.body())).statusCode()).isEqualTo(404);
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
		for (int round = 0; round < 5; round++) {
			// given a task and its ETag, as two tabs (on different instances) hold it
			long taskId = id(one.post("/users/" + userId + "/tasks", "{\"title\":\"draft\"}").body());
			String path = "/tasks/" + taskId;
			String etag = other.get(path).headers().firstValue("ETag").orElseThrow();

			// when 20 writers send their change with that ETag to either instance at once
			List<HttpResponse<String>> responses = Race.run(20,
					(i) -> () -> either(i).send(either(i).request(path)
						.header("If-Match", etag)
						.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"write " + i + "\"}"))));

			// then exactly one wins, the others are told their ETag is stale, and the row
			// is the winner's
			List<HttpResponse<String>> won = responses.stream().filter((r) -> r.statusCode() == 200).toList();
			assertThat(won).as("round %d", round).hasSize(1);
			assertThat(responses).filteredOn((r) -> r.statusCode() == 412).as("round %d", round).hasSize(19);
			String title = jdbc().queryForObject("select title from tasks where id = ?", String.class, taskId);
			assertThat(won.get(0).body()).contains("\"title\":\"" + title + "\"");
			assertThat(one.get(path).headers().firstValue("ETag")).isEqualTo(won.get(0).headers().firstValue("ETag"));
		}
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
