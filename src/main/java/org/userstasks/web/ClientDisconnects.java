package org.userstasks.web;

import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A client that goes away before its response is written (a closed tab, a timeout, a load
 * generator ending its run) is not a server error: nobody is left to read a problem, and
 * a stack trace at ERROR for each of them buried the errors that matter. Such failures
 * are logged at DEBUG under {@value #LOG_CATEGORY}, one line each (TRACE adds the stack).
 */
final class ClientDisconnects {

	static final String LOG_CATEGORY = "org.userstasks.disconnected";

	private static final DisconnectedClientHelper helper = new DisconnectedClientHelper(LOG_CATEGORY);

	private ClientDisconnects() {
	}

	/**
	 * Whether {@code ex} (or a cause of it) says the client went away; if so, it is
	 * logged here and needs no response.
	 */
	static boolean handled(Throwable ex) {
		return helper.checkAndLogClientDisconnectedException(ex);
	}

}
