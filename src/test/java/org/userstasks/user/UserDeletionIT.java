package org.userstasks.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import org.userstasks.testing.Api;
import org.userstasks.testing.IntegrationTest;
import org.userstasks.testing.Seeds;
import org.userstasks.testing.SqlStatements;

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
		Api asSmall = this.api.as(this.seeds.token(small));
		Api asBig = this.api.as(this.seeds.token(big));

		long forOneTask = this.sql
			.countDuring(() -> assertThat(asSmall.delete("/users/" + small)).hasStatus(HttpStatus.NO_CONTENT));
		long forTenThousand = this.sql
			.countDuring(() -> assertThat(asBig.delete("/users/" + big)).hasStatus(HttpStatus.NO_CONTENT));

		assertThat(forTenThousand).isEqualTo(1).isEqualTo(forOneTask);
		assertThat(this.seeds.taskIds(small)).isEmpty();
		assertThat(this.seeds.taskIds(big)).isEmpty();
		assertThat(this.seeds.count("tasks")).isEqualTo(3);
		assertThat(this.seeds.count("users")).isEqualTo(1);
	}

	@Test
	void aMissingUserCostsOneStatementAndDeletesNothing() {
		long other = this.seeds.user("other");
		this.seeds.tasks(other, 3);
		Api asOther = this.api.as(this.seeds.token(other));

		// The one statement is the existence query that tells 404 from 403.
		long statements = this.sql
			.countDuring(() -> assertThat(asOther.delete("/users/" + (other + 1))).hasStatus(HttpStatus.NOT_FOUND));

		assertThat(statements).isEqualTo(1);
		assertThat(this.seeds.count("tasks")).isEqualTo(3);
	}

}
