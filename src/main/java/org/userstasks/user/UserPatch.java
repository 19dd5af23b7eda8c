package org.userstasks.user;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /users/{id}}: an absent property is left unchanged. A new
 * {@code password} needs the {@code currentPassword}.
 */
@CurrentPasswordRule
record UserPatch(
		@Size(min = 1, max = 50, message = "must be 1 to 50 characters after trimming") @Pattern(
				regexp = UsernameRules.PATTERN, message = UsernameRules.PATTERN_MESSAGE) String username,
		@Size(min = 8, max = 128, message = PasswordRules.SIZE_MESSAGE) @Pattern(regexp = PasswordRules.PATTERN,
				message = PasswordRules.PATTERN_MESSAGE) String password,
		String currentPassword) {

	UserPatch {
		username = (username != null) ? username.strip() : null;
	}

	@Override
	public String toString() {
		return "UserPatch[username=" + this.username + "]";
	}

}
