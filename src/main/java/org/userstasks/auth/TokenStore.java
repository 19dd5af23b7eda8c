package org.userstasks.auth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code tokens} table, by plain SQL: the lookup that every request makes is one
 * primary-key query, with no entity and no join.
 */
@Repository
class TokenStore {

	private final JdbcClient jdbc;

	TokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredToken> find(String hash) {
		return this.jdbc.sql("select user_id, expires_at from tokens where token_hash = ?")
			.param(hash)
			.query((rs, row) -> new StoredToken(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
			.optional();
	}

	void insert(String hash, long userId, Instant createdAt, Instant expiresAt) {
		this.jdbc.sql("insert into tokens (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
			.params(hash, userId, utc(createdAt), utc(expiresAt))
			.update();
	}

	/**
	 * Deletes the user's oldest tokens beyond the newest {@code keep}.
	 */
	int trim(long userId, int keep) {
		return this.jdbc.sql("""
				delete from tokens where user_id = ? and token_hash not in (
				    select token_hash from tokens where user_id = ?
				    order by created_at desc, token_hash desc limit ?)""").params(userId, userId, keep).update();
	}

	int delete(String hash) {
		return this.jdbc.sql("delete from tokens where token_hash = ?").param(hash).update();
	}

	int deleteOthers(long userId, String keptHash) {
		return this.jdbc.sql("delete from tokens where user_id = ? and token_hash <> ?")
			.params(userId, keptHash)
			.update();
	}

	/**
	 * Deletes up to {@code batch} tokens that expired before {@code now}. Idempotent, so
	 * every instance may run it at once: they only find less to delete.
	 */
	int deleteExpired(Instant now, int batch) {
		return this.jdbc.sql("""
				delete from tokens where token_hash in (
				    select token_hash from tokens where expires_at < ? order by expires_at limit ?)""")
			.params(utc(now), batch)
			.update();
	}

	/**
	 * Locks the user's row until the transaction ends, so that two sign-ins of one user
	 * at once trim its tokens one after the other; false when the user is gone.
	 */
	boolean lockUser(long userId) {
		return this.jdbc.sql("select id from users where id = ? for update")
			.param(userId)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	record StoredToken(long userId, Instant expiresAt) {
	}

}
