package org.userstasks.task;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The database itself keeps every task tied to an existing user, even for rows written
 * outside the service.
 */
@IntegrationTest
class TaskIntegrityIT {

	private static final String INSERT = "insert into tasks (title, completed, user_id, created_at, updated_at) "
			+ "values ('t', false, ?, ?, ?)";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Seeds seeds;

	@Test
	void deletingAUserRowDeletesItsTasks() {
		long alice = this.seeds.user("alice");
		this.seeds.tasks(alice, 5);
		long bob = this.seeds.user("bob");
		this.seeds.tasks(bob, 2);

		this.jdbc.update("delete from users where id = ?", alice);

		assertThat(this.seeds.taskIds(alice)).isEmpty();
		assertThat(this.seeds.taskIds(bob)).hasSize(2);
	}

	@Test
	void refusesATaskWithoutUser() {
		Timestamp now = Timestamp.from(Instant.now());

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update(INSERT, null, now, now));
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void refusesATaskOfAUserThatDoesNotExist() {
		long gone = this.seeds.user("gone");
		this.seeds.reset();
		Timestamp now = Timestamp.from(Instant.now());

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update(INSERT, gone, now, now));
		assertThat(this.seeds.count("tasks")).isZero();
	}

	@Test
	void refusesToPointATaskAtAUserThatDoesNotExist() {
		long alice = this.seeds.user("alice");
		long task = this.seeds.task(alice, "t", false);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update("update tasks set user_id = ? where id = ?", alice + 1000, task));
		assertThat(this.seeds.taskIds(alice)).containsExactly(task);
	}

	@Test
	void refusesTwoUsernamesThatDifferOnlyInCase() {
		this.seeds.user("alice");

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.seeds.user("ALICE"));
		assertThat(this.seeds.count("users")).isOne();
	}

}
