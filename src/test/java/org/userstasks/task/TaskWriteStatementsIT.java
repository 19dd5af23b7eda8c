package org.userstasks.task;

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
 * Writing a task costs the statements it needs and no more: creating one locks its user
 * (so a concurrent deletion of the user waits) and inserts the row.
 */
@IntegrationTest
class TaskWriteStatementsIT {

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
	void postingATaskLocksItsUserAndInsertsOneRow() {
		long alice = this.seeds.user("alice");
		this.seeds.tasks(alice, 20);

		Statements statements = this.sql
			.during(() -> assertThat(this.api.post("/users/" + alice + "/tasks", "{\"title\":\"write report\"}"))
				.hasStatus(HttpStatus.CREATED));

		assertThat(statements.total()).as("%s", statements.sql()).isEqualTo(2);
		assertThat(statements.selects()).as("%s", statements.sql()).isEqualTo(1);
		assertThat(statements.inserts()).as("%s", statements.sql()).isEqualTo(1);
		// "for update" on H2, "for no key update" on PostgreSQL.
		assertThat(statements.sql().get(0)).startsWithIgnoringCase("select")
			.containsPattern("(?i) for (no key )?update");
		assertThat(statements.sql().get(1)).startsWithIgnoringCase("insert into tasks");
	}

}
