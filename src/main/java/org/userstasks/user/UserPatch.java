package org.userstasks.user;

import org.jspecify.annotations.Nullable;

import org.userstasks.web.ReadOnlyProperties;

/**
 * Body of {@code PATCH /users/{id}}: an absent property is left unchanged.
 */
@ReadOnlyProperties({ "id", "createdAt", "updatedAt", "userId" })
record UserPatch(@Username @Nullable String username, @Password @Nullable String password) {

	UserPatch {
		username = (username != null) ? username.strip() : null;
	}

	@Override
	public String toString() {
		return "UserPatch[username=" + this.username + "]";
	}

}
