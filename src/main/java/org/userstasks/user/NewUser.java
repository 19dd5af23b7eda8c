package org.userstasks.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.userstasks.web.ReadOnlyProperties;

/**
 * Body of {@code POST /users}. The username is trimmed before it is validated.
 */
@ReadOnlyProperties({ "id", "createdAt", "updatedAt", "userId" })
record NewUser(
		@NotNull(message = "is required") @Size(min = 1, max = 50,
				message = "must be 1 to 50 characters after trimming") @Pattern(regexp = UsernameRules.PATTERN,
						message = UsernameRules.PATTERN_MESSAGE) String username,
		@NotNull(message = "is required") @Size(min = 8, max = 128, message = PasswordRules.SIZE_MESSAGE) @Pattern(
				regexp = PasswordRules.PATTERN, message = PasswordRules.PATTERN_MESSAGE) String password) {

	NewUser {
		username = (username != null) ? username.strip() : null;
	}

	@Override
	public String toString() {
		return "NewUser[username=" + this.username + "]";
	}

}
