package org.userstasks.auth;

/**
 * A sign-in with a wrong username or a wrong password: one exception for both, so both
 * get the same 401.
 */
class WrongCredentials extends RuntimeException {

	WrongCredentials() {
		super("wrong username or password", null, false, false);
	}

}
