package org.userstasks.auth;

/**
 * Every permit for a password hash was taken for longer than a request may wait (503).
 */
class PasswordChecksBusy extends RuntimeException {

	PasswordChecksBusy() {
		super("too many password checks at once", null, false, false);
	}

}
