package org.userstasks.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, checks and revokes tokens. A token lives until it expires or is revoked, on
 * every instance at once: the database is the only place that knows it.
 */
@Service
@Transactional(readOnly = true)
public class Tokens {

	private final TokenStore store;

	private final AuthProperties properties;

	private final Clock clock;

	Tokens(TokenStore store, AuthProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A new token for the user; its oldest tokens beyond the limit go in the same
	 * transaction. Empty when the user was deleted meanwhile.
	 */
	@Transactional
	Optional<IssuedToken> issue(long userId) {
		if (!this.store.lockUser(userId)) {
			return Optional.empty();
		}
		String token = TokenHashes.newToken();
		Instant now = this.clock.instant();
		this.store.insert(TokenHashes.hash(token), userId, now, now.plus(this.properties.tokenTtl()));
		this.store.trim(userId, this.properties.maxTokensPerUser());
		return Optional.of(new IssuedToken(token, this.properties.tokenTtl().toSeconds(), userId));
	}

	/**
	 * The caller a token stands for, or empty when it is malformed, unknown or expired.
	 * One primary-key query, outside any transaction (one statement needs none, and
	 * opening one cost more than the query); a malformed token costs none.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	Optional<Caller> authenticate(String token) {
		if (!TokenHashes.isWellFormed(token)) {
			return Optional.empty();
		}
		String hash = TokenHashes.hash(token);
		Instant now = this.clock.instant();
		return this.store.find(hash)
			.filter((stored) -> stored.expiresAt().isAfter(now))
			.map((stored) -> new Caller(stored.userId(), hash));
	}

	@Transactional
	void revoke(Caller caller) {
		this.store.delete(caller.tokenHash());
	}

	/**
	 * Revokes every token of the caller but the one of this request, in the caller's
	 * transaction when there is one (a password change and its revocations commit
	 * together).
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void revokeOtherTokens(Caller caller) {
		this.store.deleteOthers(caller.id(), caller.tokenHash());
	}

	record IssuedToken(String accessToken, long expiresIn, long userId) {

		@Override
		public String toString() {
			return "IssuedToken[userId=" + this.userId + "]";
		}

	}

}
