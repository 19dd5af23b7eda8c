package org.userstasks.kernel;

/**
 * The request contradicts the current state, such as a username already taken.
 */
public abstract class Conflict extends RuntimeException {

	protected Conflict(String message) {
		super(message, null, false, false);
	}

}
