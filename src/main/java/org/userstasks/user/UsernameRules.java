package org.userstasks.user;

final class UsernameRules {

	// Empty is left to @Size, so a blank username gets one clear message.
	static final String PATTERN = "[A-Za-z0-9._-]*";

	static final String PATTERN_MESSAGE = "may contain only ASCII letters, digits, '.', '_' and '-'";

	private UsernameRules() {
	}

}
