package org.userstasks.reliability;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.userstasks.testing.Http;
import org.userstasks.testing.ServiceProcess;
import org.userstasks.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A burst of sign-ins against the packaged service with its production heap (256 MB):
 * each password check takes about 16 MiB, so unbounded they would exhaust it. Bounded,
 * every sign-in succeeds or is told to come back (503 with Retry-After).
 */
class SignInBurstIT {

	private static final int BURST = 50;

	@TempDir
	Path directory;

	@BeforeEach
	void onlyForTheEmbeddedDatabase() {
		assumeThat(TestDatabase.isPostgres()).as("tests the packaged service on its H2 default").isFalse();
	}

	@Test
	void fiftyConcurrentSignInsGetTokensOr503AndTheServiceKeepsItsHeap() throws Exception {
		try (ServiceProcess service = ServiceProcess.start(this.directory)) {
			Http http = new Http(service.port());
			StoredTasks.createUser(http, "crowded");
			List<HttpResponse<String>> responses = new ArrayList<>();
			ExecutorService pool = Executors.newFixedThreadPool(BURST);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<HttpResponse<String>>> futures = new ArrayList<>();
				for (int i = 0; i < BURST; i++) {
					futures.add(pool.submit(() -> {
						start.await();
						return http.post("/tokens", "{\"username\":\"crowded\",\"password\":\"password1\"}");
					}));
				}
				start.countDown();
				for (Future<HttpResponse<String>> future : futures) {
					responses.add(future.get(120, TimeUnit.SECONDS));
				}
			}
			finally {
				pool.shutdownNow();
			}

			List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
			System.out.printf("sign-in burst of %d: %d tokens, %d told to retry%n", BURST,
					statuses.stream().filter((status) -> status == 200).count(),
					statuses.stream().filter((status) -> status == 503).count());
			assertThat(statuses).as(service::tail).isSubsetOf(200, 503).contains(200);
			assertThat(responses).filteredOn((response) -> response.statusCode() == 503)
				.allSatisfy((response) -> assertThat(response.headers().firstValue("Retry-After")).isPresent());
			assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
			assertThat(service.output()).doesNotContain("OutOfMemoryError", "password1");
		}
	}

}
