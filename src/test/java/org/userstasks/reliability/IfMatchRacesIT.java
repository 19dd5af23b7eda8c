package org.userstasks.reliability;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.userstasks.testing.Http;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Json;
import org.userstasks.testing.Race;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers that all hold the same ETag, at once, over real connections: exactly one of
 * them changes the resource, every other one gets a 412, and the stored row is the
 * winner's. Repeated, so that passing is not a lucky interleaving.
 */
@IntegrationTest
class IfMatchRacesIT {

	private static final int WRITERS = 20;

	@LocalServerPort
	int port;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@RepeatedTest(5)
	void ofConcurrentPatchesOfATaskHoldingOneETagExactlyOneWins() throws IOException {
		long userId = signedInRacer();
		long taskId = this.seeds.task(userId, "before", false);
		String path = "/tasks/" + taskId;
		String etag = etagOf(path);

		List<HttpResponse<String>> responses = Race.run(WRITERS,
				(i) -> () -> patch(path, etag, "{\"title\":\"write " + i + "\",\"completed\":" + (i % 2 == 0) + "}"));

		List<HttpResponse<String>> won = responses.stream().filter((r) -> r.statusCode() == 200).toList();
		assertThat(won).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.statusCode() == 412)
			.hasSize(WRITERS - 1)
			.allSatisfy((r) -> assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json"));
		var winner = Json.parse(won.get(0).body());
		Map<String, Object> row = this.jdbc.queryForMap("select title, completed from tasks where id = ?", taskId);
		assertThat(row).containsEntry("title", winner.get("title").asString())
			.containsEntry("completed", winner.get("completed").asBoolean());
		HttpResponse<String> read = this.http.get(path);
		assertThat(read.headers().firstValue("ETag")).hasValue(won.get(0).headers().firstValue("ETag").orElseThrow())
			.isNotEqualTo(etag);
		assertThat(Json.parse(read.body())).isEqualTo(winner);
	}

	@RepeatedTest(5)
	void ofConcurrentPatchesOfAUserHoldingOneETagExactlyOneWins() throws IOException {
		long userId = signedInRacer();
		String path = "/users/" + userId;
		String etag = etagOf(path);

		List<HttpResponse<String>> responses = Race.run(WRITERS,
				(i) -> () -> patch(path, etag, "{\"username\":\"racer-" + i + "\"}"));

		List<HttpResponse<String>> won = responses.stream().filter((r) -> r.statusCode() == 200).toList();
		assertThat(won).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.statusCode() == 412).hasSize(WRITERS - 1);
		assertThat(this.jdbc.queryForObject("select username from users where id = ?", String.class, userId))
			.isEqualTo(Json.parse(won.get(0).body()).get("username").asString());
	}

	@RepeatedTest(5)
	void ofPatchesAndDeletesOfATaskHoldingOneETagExactlyOneWins() throws IOException {
		long userId = signedInRacer();
		long taskId = this.seeds.task(userId, "before", false);
		String path = "/tasks/" + taskId;
		String etag = etagOf(path);

		List<HttpResponse<String>> responses = Race.run(WRITERS,
				(i) -> (i % 2 == 0) ? () -> this.http.send(this.http.request(path).header("If-Match", etag).DELETE())
						: () -> patch(path, etag, "{\"title\":\"write " + i + "\"}"));

		List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
		assertThat(statuses).filteredOn((status) -> status == 200 || status == 204).hasSize(1);
		if (statuses.contains(204)) {
			// Deleted first: the patches find no task (404 comes before 412), nor do the
			// other deletes.
			assertThat(statuses).filteredOn((status) -> status != 204).containsOnly(404);
			assertThat(this.seeds.count("tasks")).isZero();
		}
		else {
			// Patched first: every other writer holds an old ETag.
			assertThat(statuses).filteredOn((status) -> status != 200).containsOnly(412);
			assertThat(this.jdbc.queryForObject("select title from tasks where id = ?", String.class, taskId))
				.isEqualTo(Json.parse(responses.get(statuses.indexOf(200)).body()).get("title").asString());
		}
	}

	@Test
	void aWriteWaitingBehindAChangeOfItsTaskComparesTheVersionThatChangeLeft() throws Exception {
		long userId = signedInRacer();
		long taskId = this.seeds.task(userId, "before", false);
		String path = "/tasks/" + taskId;
		String etag = etagOf(path);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			// Another writer holds the row, changed, while a patch and a delete holding
			// the
			// old ETag arrive: they wait for its lock, then find its version, not theirs.
			List<Future<HttpResponse<String>>> waiting = new ArrayList<>();
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.update("update tasks set title = 'changed', version = version + 1 where id = ?", taskId);
				waiting.add(pool.submit(() -> patch(path, etag, "{\"title\":\"lost\"}")));
				waiting
					.add(pool.submit(() -> this.http.send(this.http.request(path).header("If-Match", etag).DELETE())));
				sleep(Duration.ofSeconds(1));
				assertThat(waiting).noneMatch(Future::isDone);
			});

			for (Future<HttpResponse<String>> write : waiting) {
				assertThat(write.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(412);
			}
			assertThat(this.jdbc.queryForObject("select title from tasks where id = ?", String.class, taskId))
				.isEqualTo("changed");
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	private HttpResponse<String> patch(String path, String etag, String json) throws IOException {
		return this.http
			.send(this.http.request(path).header("If-Match", etag).method("PATCH", BodyPublishers.ofString(json)));
	}

	// A user whose token the client now sends.
	private long signedInRacer() {
		long userId = this.seeds.user("racer");
		this.http = this.http.as(this.seeds.token(userId));
		return userId;
	}

	private String etagOf(String path) throws IOException {
		return this.http.get(path).headers().firstValue("ETag").orElseThrow();
	}

}
