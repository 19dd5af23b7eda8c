package org.userstasks.user;

import org.userstasks.web.Conflict;

class UsernameTaken extends Conflict {

	UsernameTaken(String username) {
		super("username " + username + " is taken");
	}

}
