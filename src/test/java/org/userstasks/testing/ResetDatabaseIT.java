package org.userstasks.testing;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.RepeatedTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every integration test starts on an empty database, whatever the test before it left.
 */
@IntegrationTest
class ResetDatabaseIT {

	@Autowired
	Seeds seeds;

	@Autowired
	JdbcTemplate jdbc;

	// Twice: the second repetition finds what the first left, unless it was reset.
	@RepeatedTest(2)
	void startsWithNoUsersTasksTokensOrSignInFailuresAndLeavesSomeBehind() {
		assertThat(this.seeds.count("users")).isZero();
		assertThat(this.seeds.count("tasks")).isZero();
		assertThat(this.seeds.count("tokens")).isZero();
		assertThat(this.seeds.count("sign_in_failures")).isZero();

		long left = this.seeds.user("left-behind");
		this.seeds.tasks(left, 2);
		this.seeds.token(left);
		this.jdbc.update("insert into sign_in_failures (username_key, failures, last_failure_at) values (?, ?, ?)",
				"left-behind", 1, Timestamp.from(Instant.now()));

		assertThat(this.seeds.count("users")).isOne();
		assertThat(this.seeds.count("sign_in_failures")).isOne();
	}

}
