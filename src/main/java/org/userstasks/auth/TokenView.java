package org.userstasks.auth;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The token representation, only in the response of {@code POST /tokens}.
 */
@Schema(name = "Token")
record TokenView(@Schema(description = "ut_ and 43 base64url characters", example = "ut_…") String accessToken,
		@Schema(example = "Bearer") String tokenType,
		@Schema(description = "Seconds until the token expires", example = "43200") long expiresIn, long userId) {

	static TokenView of(Tokens.IssuedToken token) {
		return new TokenView(token.accessToken(), "Bearer", token.expiresIn(), token.userId());
	}

	@Override
	public String toString() {
		return "TokenView[userId=" + this.userId + "]";
	}

}
