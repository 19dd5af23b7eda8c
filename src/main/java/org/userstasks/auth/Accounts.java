package org.userstasks.auth;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Reads the {@code users} row that a sign-in names, with a query of its own (this package
 * knows nothing of the user feature's code). The query uses the index behind the
 * case-insensitive unique username: H2 has it on a generated lower-case column,
 * PostgreSQL on the expression {@code lower(username)}.
 */
@Repository
class Accounts {

	private final JdbcClient jdbc;

	private final String byUsername;

	Accounts(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		String lower = "H2".equalsIgnoreCase(product) ? "username_lower" : "lower(username)";
		this.byUsername = "select id, password_hash from users where " + lower + " = ?";
	}

	Optional<Account> find(String username) {
		return this.jdbc.sql(this.byUsername)
			.param(username.toLowerCase(Locale.ROOT))
			.query((rs, row) -> new Account(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	record Account(long id, String passwordHash) {

		@Override
		public String toString() {
			return "Account[id=" + this.id + "]";
		}

	}

}
