package org.userstasks.user;

import org.userstasks.web.ReadOnlyProperties;
import org.userstasks.web.Required;

/**
 * Body of {@code POST /users}. The username is trimmed before it is validated.
 */
@ReadOnlyProperties({ "id", "createdAt", "updatedAt", "userId" })
record NewUser(@Required @Username String username, @Required @Password String password) {

	NewUser {
		username = (username != null) ? username.strip() : null;
	}

	@Override
	public String toString() {
		return "NewUser[username=" + this.username + "]";
	}

}
