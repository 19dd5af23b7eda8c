package org.userstasks.user;

import org.userstasks.kernel.Forbidden;

class NotYourAccount extends Forbidden {

	NotYourAccount(long id) {
		super("user " + id + " can be changed only by that user");
	}

}
