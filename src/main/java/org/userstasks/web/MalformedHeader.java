package org.userstasks.web;

/**
 * A request header whose value breaks its syntax: a 400, judged before the resource is
 * looked up. The message names the header and its syntax, never the value sent.
 */
public class MalformedHeader extends RuntimeException {

	public MalformedHeader(String message) {
		super(message, null, false, false);
	}

}
