package org.userstasks.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Writes rows straight to the database, for tests that need many of them or need to
 * bypass the service.
 */
@TestComponent
public class Seeds {

	public static final String PASSWORD = "seeded-password";

	// Hashed once, the way the service hashes, so seeded users look like real ones.
	public static final String PASSWORD_HASH = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public Seeds(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Deletes every user, and so (by the database's cascade) every task and token, and
	 * every counted sign-in failure.
	 */
	public void reset() {
		this.jdbc.update("delete from users");
		this.jdbc.update("delete from sign_in_failures");
	}

	/**
	 * A valid token of the user, as {@code POST /tokens} would issue it (without the
	 * password check, which costs 100 ms), valid for an hour.
	 */
	public String token(long userId) {
		return token(userId, Duration.ofHours(1));
	}

	/**
	 * A token of the user that expired a second ago.
	 */
	public String expiredToken(long userId) {
		return token(userId, Duration.ofSeconds(-1));
	}

	private String token(long userId, Duration lifetime) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = "ut_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		Instant created = lifetime.isNegative() ? now.minus(Duration.ofHours(1)) : now;
		this.jdbc.update("insert into tokens (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)",
				tokenHash(token), userId, created.atOffset(ZoneOffset.UTC),
				now.plus(lifetime).atOffset(ZoneOffset.UTC));
		return token;
	}

	/**
	 * The hash the service stores for a token: SHA-256, lower-case hex.
	 */
	public static String tokenHash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether the token is stored (issued and neither revoked nor deleted with its user).
	 */
	public boolean tokenStored(String token) {
		return this.jdbc.queryForObject("select count(*) from tokens where token_hash = ?", Long.class,
				tokenHash(token)) == 1;
	}

	public long tokenCount(long userId) {
		return this.jdbc.queryForObject("select count(*) from tokens where user_id = ?", Long.class, userId);
	}

	public long user(String username) {
		Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		this.jdbc.update("insert into users (username, password_hash, created_at, updated_at) values (?, ?, ?, ?)",
				username, PASSWORD_HASH, now, now);
		return this.jdbc.queryForObject("select id from users where username = ?", Long.class, username);
	}

	public List<Long> users(String prefix, int count) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(user(prefix + i));
		}
		return ids;
	}

	public void tasks(long userId, int count) {
		Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		List<Object[]> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			rows.add(new Object[] { "task " + i, i % 2 == 0, userId, now, now });
		}
		this.jdbc.batchUpdate(
				"insert into tasks (title, completed, user_id, created_at, updated_at) values (?, ?, ?, ?, ?)", rows);
	}

	/**
	 * One task, returning its id.
	 */
	public long task(long userId, String title, boolean completed) {
		Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement(
					"insert into tasks (title, completed, user_id, created_at, updated_at) values (?, ?, ?, ?, ?)",
					new String[] { "id" });
			insert.setString(1, title);
			insert.setBoolean(2, completed);
			insert.setLong(3, userId);
			insert.setTimestamp(4, now);
			insert.setTimestamp(5, now);
			return insert;
		}, key);
		return key.getKeyAs(Long.class);
	}

	/**
	 * The ids of a user's tasks, ascending.
	 */
	public List<Long> taskIds(long userId) {
		return this.jdbc.queryForList("select id from tasks where user_id = ? order by id", Long.class, userId);
	}

	/**
	 * The stored password hash of a user.
	 */
	public String passwordHash(long userId) {
		return this.jdbc.queryForObject("select password_hash from users where id = ?", String.class, userId);
	}

	public long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
