package org.userstasks.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.SqlStatements;
import org.userstasks.testing.SqlStatements.Statements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting a user deletes its tasks in the database, in one statement, however many tasks
 * it has.
 */
@IntegrationTest
class UserDeletionIT {

	@Autowired
	Api api;

	@Autowired
	Seeds seeds;

	@Autowired
	SqlStatements sql;

	@BeforeEach
	void reset() {
		this.seeds.reset();
	}

	@Test
	void deletesAUserWithTenThousandTasksInOneStatement() {
		long small = this.seeds.user("small");
		this.seeds.tasks(small, 1);
		long big = this.seeds.user("big");
		this.seeds.tasks(big, 10_000);
		long other = this.seeds.user("other");
		this.seeds.tasks(other, 3);

		Statements forOneTask = this.sql
			.during(() -> assertThat(this.api.delete("/users/" + small)).hasStatus(HttpStatus.NO_CONTENT));
		Statements forTenThousand = this.sql
			.during(() -> assertThat(this.api.delete("/users/" + big)).hasStatus(HttpStatus.NO_CONTENT));

		assertOneDelete(forOneTask);
		assertOneDelete(forTenThousand);
		assertThat(this.seeds.taskIds(small)).isEmpty();
		assertThat(this.seeds.taskIds(big)).isEmpty();
		assertThat(this.seeds.count("tasks")).isEqualTo(3);
		assertThat(this.seeds.count("users")).isEqualTo(1);
	}

	@Test
	void aMissingUserCostsOneStatementAndDeletesNothing() {
		long other = this.seeds.user("other");
		this.seeds.tasks(other, 3);

		Statements statements = this.sql
			.during(() -> assertThat(this.api.delete("/users/" + (other + 1))).hasStatus(HttpStatus.NOT_FOUND));

		assertOneDelete(statements);
		assertThat(this.seeds.count("tasks")).isEqualTo(3);
	}

	private static void assertOneDelete(Statements statements) {
		assertThat(statements.total()).as("%s", statements.sql()).isEqualTo(1);
		assertThat(statements.deletes()).as("%s", statements.sql()).isEqualTo(1);
		assertThat(statements.sql().get(0)).startsWithIgnoringCase("delete from users");
	}

}
