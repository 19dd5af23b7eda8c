package org.userstasks.task;

final class TitleRules {

	static final String SIZE_MESSAGE = "must be 1 to 255 characters after trimming";

	// PostgreSQL cannot store NUL in text, and its driver stores an unpaired surrogate
	// (half of a pair, sent alone as a JSON escape) as '?', so the title saved would
	// differ from the one answered. Refusing both everywhere keeps H2 the same. A whole
	// pair (an emoji) is one code point to the pattern, not two surrogates.
	static final String PATTERN = "[^\\x00\\p{Cs}]*";

	static final String PATTERN_MESSAGE = "must not contain NUL characters or unpaired surrogates";

	private TitleRules() {
	}

}
