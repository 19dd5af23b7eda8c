package org.userstasks.user;

import org.jspecify.annotations.Nullable;

import org.userstasks.kernel.Conflict;

class UsernameTaken extends Conflict {

	UsernameTaken(@Nullable String username) {
		super("username " + username + " is taken");
	}

}
