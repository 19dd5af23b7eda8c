package org.userstasks.user;

import org.userstasks.web.NotFound;

public class UserNotFound extends NotFound {

	public UserNotFound(long id) {
		super("user " + id + " not found");
	}

}
