package org.userstasks.task;

final class TitleRules {

	static final String SIZE_MESSAGE = "must be 1 to 255 characters after trimming";

	// PostgreSQL cannot store NUL in text; refusing it everywhere keeps H2 the same.
	static final String PATTERN = "[^\\x00]*";

	static final String PATTERN_MESSAGE = "must not contain NUL characters";

	private TitleRules() {
	}

}
