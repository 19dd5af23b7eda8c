package org.userstasks.auth;

import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /tokens}. The username matches ignoring case.
 */
record SignInRequest(@NotNull(message = "is required") String username,
		@NotNull(message = "is required") String password) {

	@Override
	public String toString() {
		return "SignInRequest[username=" + this.username + "]";
	}

}
