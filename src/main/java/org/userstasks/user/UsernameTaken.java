package org.userstasks.user;

import org.userstasks.kernel.Conflict;

class UsernameTaken extends Conflict {

	UsernameTaken(String username) {
		super("username " + username + " is taken");
	}

}
