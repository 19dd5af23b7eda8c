package org.userstasks.kernel;

/**
 * The request names something that exists but is not the caller's to change.
 */
public abstract class Forbidden extends RuntimeException {

	protected Forbidden(String message) {
		super(message, null, false, false);
	}

}
