package org.userstasks.user;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.userstasks.web.ReadOnlyProperties;

/**
 * Body of {@code PATCH /users/{id}}: an absent property is left unchanged.
 */
@ReadOnlyProperties({ "id", "createdAt", "updatedAt", "userId" })
record UserPatch(
		@Size(min = 1, max = 50, message = "must be 1 to 50 characters after trimming") @Pattern(
				regexp = UsernameRules.PATTERN, message = UsernameRules.PATTERN_MESSAGE) String username,
		@Size(min = 8, max = 128, message = PasswordRules.SIZE_MESSAGE) @Pattern(regexp = PasswordRules.PATTERN,
				message = PasswordRules.PATTERN_MESSAGE) String password) {

	UserPatch {
		username = (username != null) ? username.strip() : null;
	}

	@Override
	public String toString() {
		return "UserPatch[username=" + this.username + "]";
	}

}
