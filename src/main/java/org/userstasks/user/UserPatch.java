package org.userstasks.user;

import org.jspecify.annotations.Nullable;

import org.userstasks.web.ReadOnlyProperties;

/**
 * Body of {@code PATCH /users/{id}}: an absent property is left unchanged. A new
 * {@code password} needs the {@code currentPassword}.
 */
@ReadOnlyProperties({ "id", "createdAt", "updatedAt", "userId" })
@CurrentPasswordRule
record UserPatch(@Username @Nullable String username, @Password @Nullable String password,
		@Nullable String currentPassword) {

	UserPatch {
		username = (username != null) ? username.strip() : null;
	}

	@Override
	public String toString() {
		return "UserPatch[username=" + this.username + "]";
	}

}
