package org.userstasks.reliability;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.userstasks.testing.Http;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.RawConnection;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What bounds a request: its body's size, how long its client may take to send it, how
 * long it may wait for the database. Over real connections, since these are the server's
 * limits.
 */
@IntegrationTest
class LimitsIT {

	private static final int MEBIBYTE = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	long userId;

	@BeforeEach
	void reset() {
		this.seeds.reset();
		this.userId = this.seeds.user("limited");
	}

	@Test
	void bodyDeclaredOverOneMebibyteIsRefusedBeforeItIsSent() throws IOException {
		String response;
		try (RawConnection connection = new RawConnection(this.port, Duration.ofSeconds(5))) {
			// One GiB announced, not a byte of it sent: the answer cannot wait for it.
			connection.write(head("Content-Length: " + (1024 * MEBIBYTE)));
			response = connection.readResponse();
		}

		assertThat(response).startsWith("HTTP/1.1 413")
			.containsIgnoringCase("Content-Type: application/problem+json")
			.contains("\"status\":413");
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void chunkedBodyIsRefusedOnceItPassesOneMebibyte() throws IOException {
		String response;
		try (RawConnection connection = new RawConnection(this.port, Duration.ofSeconds(5))) {
			connection.write(head("Transfer-Encoding: chunked"));
			connection.write(chunk("{\"title\":\""));
			// 1.25 MiB of a title, and the body never ends: the answer cannot wait for
			// its end either.
			try {
				for (int i = 0; i < 20; i++) {
					connection.write(chunk("a".repeat(64 * 1024)));
				}
			}
			catch (IOException ex) {
				// The server may close the connection before all of it is written.
			}
			response = connection.readResponse();
		}

		assertThat(response).startsWith("HTTP/1.1 413")
			.containsIgnoringCase("Content-Type: application/problem+json")
			.contains("\"status\":413");
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void bodyOfExactlyOneMebibyteIsReadAndValidated() throws IOException {
		String prefix = "{\"title\":\"";
		String suffix = "\"}";
		String body = prefix + "a".repeat(MEBIBYTE - prefix.length() - suffix.length()) + suffix;
		assertThat(body).hasSize(MEBIBYTE);

		HttpResponse<String> response = new Http(this.port).post("/users/" + this.userId + "/tasks", body);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"title\"");
	}

	@Test
	void clientsThatStopSendingAreCutOff() throws Exception {
		assumeThat(TestDatabase.isPostgres()).as("the web server's own limit: one database is enough").isFalse();
		try (RawConnection headersCut = new RawConnection(this.port, Duration.ofSeconds(20));
				RawConnection bodyCut = new RawConnection(this.port, Duration.ofSeconds(20))) {
			headersCut.write("POST /users/" + this.userId + "/tasks HTTP/1.1\r\nHost: localhost\r\n");
			bodyCut.write(head("Content-Length: 100") + "{\"title\":");
			long start = System.nanoTime();

			String response = bodyCut.readResponse();
			boolean closed = headersCut.closedWithoutResponse();

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
			assertThat(response).startsWith("HTTP/1.1 408")
				.containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(closed).as("connection closed while its headers were incomplete").isTrue();
		}
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void requestThatWaitsTooLongForTheDatabaseGivesUpWithServiceUnavailable() throws Exception {
		this.seeds.tasks(this.userId, 1);
		long taskId = this.jdbc.queryForObject("select id from tasks where user_id = ?", Long.class, this.userId);
		TransactionTemplate holding = new TransactionTemplate(this.transactions);
		holding.setTimeout(60);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService holder = Executors.newSingleThreadExecutor();
		HttpResponse<String> response;
		try {
			Future<?> lock = holder.submit(() -> holding.executeWithoutResult((status) -> {
				this.jdbc.queryForList("select id from tasks where id = ? for update", taskId);
				locked.countDown();
				await(release);
			}));
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

			response = new Http(this.port).patch("/tasks/" + taskId, "{\"title\":\"waited\"}");

			release.countDown();
			lock.get(10, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			holder.shutdownNow();
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(this.jdbc.queryForObject("select title from tasks where id = ?", String.class, taskId))
			.isNotEqualTo("waited");
	}

	private String head(String lengthHeader) {
		return "POST /users/" + this.userId + "/tasks HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\n" + lengthHeader + "\r\n\r\n";
	}

	private static String chunk(String data) {
		return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
