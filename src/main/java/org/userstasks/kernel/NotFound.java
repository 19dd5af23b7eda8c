package org.userstasks.kernel;

/**
 * Something the request names does not exist; the message names it with its id.
 */
public abstract class NotFound extends RuntimeException {

	protected NotFound(String message) {
		super(message, null, false, false);
	}

}
