package org.userstasks.user;

import org.userstasks.kernel.NotFound;

public class UserNotFound extends NotFound {

	public UserNotFound(long id) {
		super("user " + id + " not found");
	}

}
