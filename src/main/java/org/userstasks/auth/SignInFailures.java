package org.userstasks.auth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sign_in_failures} table: failed sign-ins in a row per username, shared by
 * every instance. Each method is one short transaction of its own (auto-commit), never
 * part of a caller's, so a failure is counted even when the request it belongs to rolls
 * back.
 */
@Repository
class SignInFailures {

	private final JdbcClient jdbc;

	SignInFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Streak> find(String key) {
		return this.jdbc.sql("select failures, last_failure_at from sign_in_failures where username_key = ?")
			.param(key)
			.query((rs, row) -> new Streak(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
			.optional();
	}

	/**
	 * Adds one failure. Portable upsert: the update is atomic (concurrent ones queue on
	 * the row lock and each adds one); when there is no row yet, the insert of one of two
	 * concurrent first failures hits the primary key, and that one updates instead. Each
	 * statement commits on its own, so the failed insert aborts nothing on PostgreSQL.
	 */
	void add(String key, Instant at) {
		OffsetDateTime time = TokenStore.utc(at);
		for (int attempt = 0; attempt < 3; attempt++) {
			if (increment(key, time) == 1) {
				return;
			}
			try {
				this.jdbc.sql("insert into sign_in_failures (username_key, failures, last_failure_at) values (?, 1, ?)")
					.params(key, time)
					.update();
				return;
			}
			catch (DuplicateKeyException ex) {
				// Inserted by a concurrent failure: count this one on its row.
			}
		}
		throw new IllegalStateException("sign-in failure could not be counted");
	}

	private int increment(String key, OffsetDateTime time) {
		return this.jdbc.sql("""
				update sign_in_failures set failures = failures + 1, last_failure_at = ?
				where username_key = ?""").params(time, key).update();
	}

	void reset(String key) {
		this.jdbc.sql("delete from sign_in_failures where username_key = ?").param(key).update();
	}

	int deleteOlderThan(Instant before, int batch) {
		return this.jdbc.sql("""
				delete from sign_in_failures where username_key in (
				    select username_key from sign_in_failures where last_failure_at < ?
				    order by last_failure_at limit ?)""").params(TokenStore.utc(before), batch).update();
	}

	/**
	 * Failures in a row, and when the last one was.
	 */
	record Streak(int failures, Instant lastFailureAt) {
	}

}
