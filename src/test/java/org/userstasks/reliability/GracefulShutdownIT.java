package org.userstasks.reliability;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.userstasks.testing.Http;
import org.userstasks.testing.ServiceProcess;
import org.userstasks.testing.TaskLoad;
import org.userstasks.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * SIGTERM under a write load: requests already accepted finish normally (no 5xx), later
 * ones are refused at the connection, and every task that got a 201 is there after a
 * restart.
 */
class GracefulShutdownIT {

	@TempDir
	Path directory;

	@BeforeEach
	void onlyForTheEmbeddedDatabase() {
		assumeThat(TestDatabase.isPostgres()).as("tests the embedded H2 default, whatever it.database is").isFalse();
	}

	@Test
	void requestsInFlightWhenTheServiceIsStoppedFinish() throws Exception {
		long userId;
		String token;
		Map<Long, String> acknowledged;
		try (ServiceProcess service = ServiceProcess.start(this.directory)) {
			Http http = new Http(service.port());
			userId = StoredTasks.createUser(http, "stopper");
			token = StoredTasks.signIn(http, "stopper");
			try (TaskLoad load = TaskLoad.start(http.as(token), userId, 6)) {
				load.awaitAcknowledged(300);

				assertThat(service.terminate()).as("exit status after SIGTERM").isEqualTo(ServiceProcess.TERMINATED);

				load.awaitWriters();
				acknowledged = load.acknowledged();
				assertThat(load.otherResponses())
					.as(() -> "responses other than 201; the service said:\n" + service.tail())
					.isEmpty();
			}
			assertThat(service.output()).doesNotContain("Unexpected error");
		}

		try (ServiceProcess restarted = ServiceProcess.start(this.directory)) {
			Map<Long, String> stored = StoredTasks.of(new Http(restarted.port()).as(token), userId);
			System.out.printf("SIGTERM under load: %d tasks acknowledged, %d stored after restart%n",
					acknowledged.size(), stored.size());
			assertThat(stored).containsAllEntriesOf(acknowledged);
		}
	}

}
