package org.userstasks.auth;

/**
 * The signed-in user of a request: the principal of its {@code Authentication}, for
 * controllers to take with {@code @AuthenticationPrincipal}. It holds the hash of the
 * token the request came with (never the token), which only this package reads.
 */
public final class Caller {

	private final long id;

	private final String tokenHash;

	Caller(long id, String tokenHash) {
		this.id = id;
		this.tokenHash = tokenHash;
	}

	/**
	 * The signed-in user's id.
	 */
	public long id() {
		return this.id;
	}

	/**
	 * Whether the caller is the user with this id.
	 */
	public boolean is(long userId) {
		return this.id == userId;
	}

	String tokenHash() {
		return this.tokenHash;
	}

	@Override
	public String toString() {
		return "Caller[id=" + this.id + "]";
	}

}
