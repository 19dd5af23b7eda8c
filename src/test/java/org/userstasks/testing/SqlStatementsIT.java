package org.userstasks.testing;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import org.userstasks.testing.SqlStatements.Statements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement counter sees what reaches JDBC on the calling thread, by kind, and
 * nothing of other threads.
 */
@IntegrationTest
class SqlStatementsIT {

	@Autowired
	SqlStatements sql;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Seeds seeds;

	@Test
	void countsJdbcTemplateStatementsByKindOnTheCallingThreadOnly() {
		this.seeds.reset();

		Statements statements = this.sql.during(() -> {
			long id = this.seeds.user("counted");
			this.jdbc.update("update users set username = ? where id = ?", "renamed", id);
			CompletableFuture.runAsync(() -> this.jdbc.queryForList("select id from users")).join();
			this.jdbc.update("delete from users where id = ?", id);
		});

		assertThat(statements.sql()).containsExactly(
				"insert into users (username, password_hash, created_at, updated_at) values (?, ?, ?, ?)",
				"select id from users where username = ?", "update users set username = ? where id = ?",
				"delete from users where id = ?");
		assertThat(statements.total()).isEqualTo(4);
		assertThat(statements.inserts()).isOne();
		assertThat(statements.selects()).isOne();
		assertThat(statements.updates()).isOne();
		assertThat(statements.deletes()).isOne();
		assertThat(this.sql.countDuring(() -> this.jdbc.execute("select 1"))).isOne();
	}

}
