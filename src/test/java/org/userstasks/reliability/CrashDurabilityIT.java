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
 * A 2xx means committed: the packaged service, on its embedded H2 file with the shipped
 * settings, is killed with SIGKILL in the middle of a write load and started again on the
 * same files, and every task that got a 201 is there.
 */
class CrashDurabilityIT {

	@TempDir
	Path directory;

	@BeforeEach
	void onlyForTheEmbeddedDatabase() {
		assumeThat(TestDatabase.isPostgres()).as("tests the embedded H2 default, whatever it.database is").isFalse();
	}

	@Test
	void everyAcknowledgedTaskSurvivesAKillOfTheProcess() throws Exception {
		long userId;
		String token;
		Map<Long, String> acknowledged;
		try (ServiceProcess service = ServiceProcess.start(this.directory)) {
			Http http = new Http(service.port());
			userId = StoredTasks.createUser(http, "survivor");
			token = StoredTasks.signIn(http, "survivor");
			try (TaskLoad load = TaskLoad.start(http.as(token), userId, 6)) {
				load.awaitAcknowledged(300);

				assertThat(service.kill()).as("exit status of SIGKILL").isEqualTo(ServiceProcess.KILLED);

				load.awaitWriters();
				acknowledged = load.acknowledged();
				assertThat(load.otherResponses())
					.as(() -> "responses other than 201; the service said:\n" + service.tail())
					.isEmpty();
			}
		}

		try (ServiceProcess restarted = ServiceProcess.start(this.directory)) {
			Map<Long, String> stored = StoredTasks.of(new Http(restarted.port()).as(token), userId);
			System.out.printf("kill -9 under load: %d tasks acknowledged, %d stored after restart%n",
					acknowledged.size(), stored.size());
			assertThat(stored).containsAllEntriesOf(acknowledged);
		}
	}

}
