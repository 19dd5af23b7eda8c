package org.userstasks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

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

	private static ExecutorService pool;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startTwoInstances() {
		assumeTrue(TestDatabase.isPostgres(), "runs on PostgreSQL only");
		first = instance();
		second = instance();
		pool = Executors.newFixedThreadPool(16);
	}

	@AfterAll
	static void stopInstances() {
		if (pool != null) {
			pool.shutdownNow();
		}
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

	@Test
	void oneOfManyConcurrentSignUpsForOneNameSucceedsAcrossInstances() throws Exception {
		// given the same name, in different cases, sent to both instances at once
		int attempts = 12;
		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			String name = (i % 2 == 0) ? "Twin" : "tWIN";
			String body = "{\"username\":\"" + name + "\",\"password\":\"password-" + i + "\"}";
			ConfigurableApplicationContext target = instance(i);
			calls.add(() -> send(target, "POST", "/users", body));
		}

		// when
		List<Integer> statuses = statuses(runTogether(calls));

		// then
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(jdbc().queryForObject("select count(*) from users where lower(username) = 'twin'", Long.class))
			.isEqualTo(1);
	}

	@Test
	void tasksPostedWhileTheOtherInstanceDeletesTheirUserLeaveNoOrphan() throws Exception {
		for (int round = 0; round < 5; round++) {
			// given a user with a task, known to both instances
			String user = send(first, "POST", "/users",
					"{\"username\":\"doomed" + round + "\",\"password\":\"password1\"}")
				.body();
			long userId = id(user);

			// when one instance deletes the user while both add tasks to it
			List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				int n = i;
				calls.add(() -> send(instance(n), "POST", "/users/" + userId + "/tasks", "{\"title\":\"t" + n + "\"}"));
				if (i == 10) {
					calls.add(() -> send(second, "DELETE", "/users/" + userId, null));
				}
			}
			List<HttpResponse<String>> responses = runTogether(calls);

			// then every task post was created (and went with the user) or found no user
			for (HttpResponse<String> response : responses) {
				if (response.request().method().equals("POST")) {
					assertThat(response.statusCode()).isIn(201, 404);
				}
				else {
					assertThat(response.statusCode()).isEqualTo(204);
				}
				if (response.statusCode() == 201) {
					assertThat(send(first, "GET", "/tasks/" + id(response.body()), null).statusCode()).isEqualTo(404);
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

	private static ConfigurableApplicationContext instance(int i) {
		return (i % 2 == 0) ? first : second;
	}

	private static JdbcTemplate jdbc() {
		return first.getBean(JdbcTemplate.class);
	}

	private HttpResponse<String> send(ConfigurableApplicationContext instance, String method, String path, String body)
			throws Exception {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<HttpResponse<String>> runTogether(List<Callable<HttpResponse<String>>> calls) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> futures = new ArrayList<>();
		for (Callable<HttpResponse<String>> call : calls) {
			futures.add(pool.submit(() -> {
				start.await();
				return call.call();
			}));
		}
		start.countDown();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (Future<HttpResponse<String>> future : futures) {
			responses.add(future.get());
		}
		return responses;
	}

	private static List<Integer> statuses(List<HttpResponse<String>> responses) {
		return responses.stream().map(HttpResponse::statusCode).toList();
	}

	private static long id(String json) {
		Matcher matcher = ID.matcher(json);
		assertThat(matcher.find()).as("id in %s", json).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
