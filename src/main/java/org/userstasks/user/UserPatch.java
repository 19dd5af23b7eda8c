package org.userstasks.user;

import org.userstasks.web.ReadOnlyProperties;

/**
 * Body of {@code PATCH /users/{id}}: an absent property is left unchanged.
 */
@ReadOnlyProperties({ "id", "createdAt", "updatedAt", "userId" })
record UserPatch(@Username String username, @Password String password) {

	UserPatch {
		username = (username != null) ? username.strip() : null;
	}

	@Override
	public String toString() {
		return "UserPatch[username=" + this.username + "]";
	}

}
